package dev.kippu.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.kippu.account.UserProfile;
import dev.kippu.event.Event;

/**
 * One e-mail to send, with everything needed to write it: sending never reads the table again, so
 * the e-mail tells what was true when the job was made. The id is derived from the booking and the
 * kind, so the same news is never queued as two different jobs.
 */
public record EmailJob(String id, EmailKind kind, String bookingId, int quantity, String recipientEmail, String recipientName,
                       Locale locale, String eventTitle, String eventVenue, Instant eventStartsAt, String reason) {

    public static EmailJob about(EmailKind kind, String bookingId, int quantity, Event event, UserProfile recipient, String reason) {
        return new EmailJob(bookingId + "-" + kind.name(), kind, bookingId, quantity, recipient.email(), recipient.displayName(),
                recipient.locale(), event.title(), event.venue(), event.startsAt(), reason);
    }

    /** The job as plain text fields, for the outbox and the queue. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("kind", kind.name());
        fields.put("bookingId", bookingId);
        fields.put("quantity", Integer.toString(quantity));
        if (recipientEmail != null) {
            fields.put("recipientEmail", recipientEmail);
        }
        if (recipientName != null) {
            fields.put("recipientName", recipientName);
        }
        fields.put("locale", locale.toLanguageTag());
        fields.put("eventTitle", eventTitle);
        fields.put("eventVenue", eventVenue);
        fields.put("eventStartsAt", eventStartsAt.toString());
        if (reason != null) {
            fields.put("reason", reason);
        }
        return fields;
    }

    public static EmailJob fromFields(Map<String, String> fields) {
        return new EmailJob(fields.get("id"), EmailKind.valueOf(fields.get("kind")), fields.get("bookingId"),
                Integer.parseInt(fields.get("quantity")), fields.get("recipientEmail"), fields.get("recipientName"),
                Locale.forLanguageTag(fields.get("locale")), fields.get("eventTitle"), fields.get("eventVenue"),
                Instant.parse(fields.get("eventStartsAt")), fields.get("reason"));
    }
}
