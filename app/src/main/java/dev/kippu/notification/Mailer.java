package dev.kippu.notification;

/** Sends e-mail (SES). Throws when the message was not accepted. */
public interface Mailer {

    void send(Email email);
}
