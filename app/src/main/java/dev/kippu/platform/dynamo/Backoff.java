package dev.kippu.platform.dynamo;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Full-jitter exponential back-off for the retries the SDK does not do itself (unprocessed batch keys, transaction conflicts). */
public final class Backoff {

    private static final long BASE_MILLIS = 20;
    private static final long CAP_MILLIS = 1_000;

    private Backoff() {
    }

    public static void pause(int attempt) {
        long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, 10));
        try {
            Thread.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
