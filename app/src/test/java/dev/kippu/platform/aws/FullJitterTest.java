package dev.kippu.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The back-off's delays: within their doubling ceiling, capped, and spread over it. */
class FullJitterTest {

    private final FullJitter backoff = new FullJitter(Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void eachDelayIsWithinItsAttemptsCeilingAndTheCap() {
        for (int attempt = 1; attempt <= 40; attempt++) {
            long ceiling = Math.min(2_000, 100L << Math.min(attempt - 1, 30));
            for (int draw = 0; draw < 50; draw++) {
                assertThat(backoff.computeDelay(attempt).toMillis()).isBetween(0L, ceiling);
            }
        }
    }

    @Test
    void theDelaysSpreadOverTheirRange() {
        var delays = IntStream.range(0, 200).mapToLong(draw -> backoff.computeDelay(6).toMillis()).summaryStatistics();

        assertThat(delays.getMin()).isLessThan(500);
        assertThat(delays.getMax()).isGreaterThan(1_500);
    }
}
