package dev.kippu.platform.aws;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.random.RandomGenerator;

import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The SDK's full-jitter exponential back-off ({@code BackoffStrategy.exponentialDelay}), drawn from
 * {@code SecureRandom} instead of {@code ThreadLocalRandom}: every environment that Lambda SnapStart
 * restores from one snapshot shares the latter's seeds, so that they would all retry a throttled
 * call in step. A delay between zero and {@code base × 2^(attempt − 1)}, at most {@code cap}. Kippu's
 * own retries ({@code Backoff}) wait the same way.
 */
public record FullJitter(Duration base, Duration cap) implements BackoffStrategy {

    private static final RandomGenerator RANDOM = new SecureRandom();

    @Override
    public Duration computeDelay(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30));
        return Duration.ofMillis(RANDOM.nextLong(ceiling + 1));
    }
}
