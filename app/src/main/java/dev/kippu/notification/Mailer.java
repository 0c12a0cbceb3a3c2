package dev.kippu.notification;

/**
 * Sends e-mail (SES). Throws {@link Refused} when the mail was certainly not sent; any other
 * failure (a timeout, a lost connection, a server error) leaves it unknown whether it was.
 */
public interface Mailer {

    void send(Email email);

    /** The mail service answered that it did not send the mail (bad request, throttled, not allowed). */
    class Refused extends RuntimeException {

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
