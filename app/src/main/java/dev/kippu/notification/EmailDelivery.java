package dev.kippu.notification;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.kippu.notification.SentEmails.Claim;

/**
 * Sends one job's e-mail once, however often the queue delivers the job: the job is claimed
 * before sending and marked sent after. If the mail service refuses the mail, the claim is released
 * and the failure thrown, so that the next delivery tries again. If it is unknown whether the mail
 * went out (a timeout), or the worker dies before marking it sent, the claim stays until its lease
 * ends and the job is then sent again: at least once, and twice only when a send's outcome was lost.
 */
@Service
public class EmailDelivery {

    private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

    private final SentEmails sent;
    private final EmailComposer composer;
    private final Mailer mailer;
    private final NotificationProperties properties;

    public EmailDelivery(SentEmails sent, EmailComposer composer, Mailer mailer, NotificationProperties properties) {
        this.sent = sent;
        this.composer = composer;
        this.mailer = mailer;
        this.properties = properties;
    }

    public Outcome deliver(EmailJob job) {
        if (job.recipientEmail() == null) {
            log.warn("E-mail job {} has no recipient address; dropped", job.id());
            return new Outcome.Done();
        }
        return switch (sent.claim(job.id(), properties.claimLease())) {
            case Claim.AlreadySent _ -> new Outcome.Done();
            case Claim.HeldElsewhere held -> new Outcome.HeldElsewhere(held.until());
            case Claim.Claimed claimed -> {
                if (claimed.takenOver()) {
                    log.warn("E-mail job {} was claimed by a sender that stopped before marking it sent; sending it again, "
                            + "so its recipient may receive it twice", job.id());
                }
                try {
                    mailer.send(composer.compose(job));
                } catch (Mailer.Refused refused) {
                    sent.release(job.id());
                    throw refused;
                }
                sent.markSent(job.id());
                yield new Outcome.Done();
            }
        };
    }

    public sealed interface Outcome {

        /** Sent now or before: the queue may forget the job. */
        record Done() implements Outcome {
        }

        /** Another worker is sending it, under a claim that lasts until {@code until}: ask again after that. */
        record HeldElsewhere(Instant until) implements Outcome {
        }
    }
}
