package dev.kippu.notification;

/** What an e-mail tells its recipient; each has a subject and body per language in {@code notifications/messages*.properties}. */
public enum EmailKind {
    BOOKING_CONFIRMED,
    BOOKING_CANCELLED,
    EVENT_CANCELLED,
    REMINDER
}
