package dev.kippu.notification;

/** A written e-mail, in plain text and HTML. */
public record Email(String to, String subject, String text, String html) {
}
