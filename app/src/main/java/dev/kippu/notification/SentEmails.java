package dev.kippu.notification;

import java.time.Duration;

/** Which jobs were sent, so that a job delivered twice by the queue is e-mailed once. */
public interface SentEmails {

    /** Claims the job for {@code lease}; a claim whose holder died expires with its lease. */
    Claim claim(String jobId, Duration lease);

    void markSent(String jobId);

    /** Gives a claim up after a failed attempt, so that the next delivery can try at once. */
    void release(String jobId);

    enum Claim {
        CLAIMED,
        ALREADY_SENT,
        HELD_ELSEWHERE
    }
}
