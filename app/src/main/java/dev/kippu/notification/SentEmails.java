package dev.kippu.notification;

import java.time.Duration;
import java.time.Instant;

/** Which jobs were sent, so that a job delivered twice by the queue is e-mailed once. */
public interface SentEmails {

    /** Claims the job for {@code lease}; a claim whose holder died expires with its lease. */
    Claim claim(String jobId, Duration lease);

    void markSent(String jobId);

    /** Gives a claim up after a failed attempt, so that the next delivery can try at once. */
    void release(String jobId);

    sealed interface Claim {

        /**
         * This worker sends the job now. {@code takenOver}: from a worker whose claim expired before it
         * marked the job sent; it may have sent the mail before it stopped.
         */
        record Claimed(boolean takenOver) implements Claim {
        }

        record AlreadySent() implements Claim {
        }

        /** Another worker is sending it; its claim lasts until {@code until} (or less, if released). */
        record HeldElsewhere(Instant until) implements Claim {
        }
    }
}
