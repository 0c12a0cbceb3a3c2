package dev.kippu.notification.ses;

import org.springframework.stereotype.Component;

import dev.kippu.notification.Email;
import dev.kippu.notification.Mailer;
import dev.kippu.notification.NotificationProperties;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** Sends through SES (API v2), text and HTML in one message. */
@Component
class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final String from;

    SesMailer(SesV2Client ses, NotificationProperties properties) {
        this.ses = ses;
        this.from = properties.from();
    }

    /** An answer in the 4xx range (rejected, throttled, sending paused) means SES did not send the mail. */
    @Override
    public void send(Email email) {
        try {
            ses.sendEmail(r -> r.fromEmailAddress(from)
                    .destination(d -> d.toAddresses(email.to()))
                    .content(c -> c.simple(m -> m
                            .subject(s -> s.data(email.subject()).charset("UTF-8"))
                            .body(b -> b.text(t -> t.data(email.text()).charset("UTF-8"))
                                    .html(h -> h.data(email.html()).charset("UTF-8"))))));
        } catch (SesV2Exception e) {
            if (e.statusCode() >= 400 && e.statusCode() < 500) {
                throw new Mailer.Refused("SES refused the mail: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
