package dev.kippu.platform.dynamo;

import java.time.Duration;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** Full-jitter exponential back-off for the retries the SDK does not do itself (unprocessed batch keys, transaction conflicts). */
public final class Backoff {

    private static final long BASE_MILLIS = 20;
    private static final long CAP_MILLIS = 1_000;
    /**
     * Not {@code ThreadLocalRandom}, whose seeds would be the same in every copy of one process
     * snapshot (Lambda SnapStart restores many environments from one), so that they would all retry
     * in step: {@code SecureRandom} mixes in the kernel's entropy as it draws.
     */
    private static final RandomGenerator JITTER = new SecureRandom();

    private Backoff() {
    }

    public static void pause(int attempt) {
        long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, 10));
        try {
            Thread.sleep(Duration.ofMillis(JITTER.nextLong(ceiling + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
