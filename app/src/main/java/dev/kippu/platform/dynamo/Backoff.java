package dev.kippu.platform.dynamo;

import java.time.Duration;

import dev.kippu.platform.aws.FullJitter;

/** Full-jitter exponential back-off for the retries the SDK does not do itself (unprocessed batch keys, transaction conflicts). */
public final class Backoff {

    /** The SDK's retries' own kind of delay, from 20 ms up to 1 s, and as unlike between restored snapshots. */
    private static final FullJitter DELAYS = new FullJitter(Duration.ofMillis(20), Duration.ofSeconds(1));

    private Backoff() {
    }

    /** Waits before retry number {@code attempt} (1 for the first retry). */
    public static void pause(int attempt) {
        try {
            // FullJitter counts the first attempt as 1, the first retry as 2
            Thread.sleep(DELAYS.computeDelay(attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
