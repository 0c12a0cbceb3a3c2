package dev.kippu.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes an e-mail in the recipient's language (Japanese or English) from the texts in
 * {@code notifications/messages*.properties}: plain text, and HTML made from the same text.
 */
@Component
public class EmailComposer {

    private final MessageSource texts;
    private final ZoneId timeZone;

    EmailComposer(NotificationProperties properties) {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("notifications/messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        this.texts = bundle;
        this.timeZone = properties.timeZone();
    }

    public Email compose(EmailJob job) {
        Locale locale = job.locale().getLanguage().equals("ja") ? Locale.JAPANESE : Locale.ENGLISH;
        String startsAt = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(timeZone).format(job.eventStartsAt());
        Object[] values = {job.recipientName() == null ? "" : job.recipientName(), job.eventTitle(), startsAt, job.eventVenue(),
                job.quantity(), job.reason() == null || job.reason().isBlank() ? "-" : job.reason()};
        String prefix = "email." + job.kind().name().toLowerCase(Locale.ROOT);
        String subject = texts.getMessage(prefix + ".subject", values, locale);
        String text = texts.getMessage(prefix + ".body", values, locale) + "\n\n" + texts.getMessage("email.signature", null, locale);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(subject)).append("</title></head><body>");
        for (String paragraph : text.split("\n\n")) {
            html.append("<p>").append(escape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        return new Email(job.recipientEmail(), subject, text, html.append("</body></html>").toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
