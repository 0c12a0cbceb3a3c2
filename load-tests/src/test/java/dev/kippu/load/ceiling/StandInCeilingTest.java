package dev.kippu.load.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;

/** The measuring itself, against an operation whose ceiling is known: one that holds one of two permits for 5 ms. */
class StandInCeilingTest {

    @Test
    void theCeilingIsTheBestLevelAndMoreCallersThanPermitsOnlyWait() throws Exception {
        Semaphore permits = new Semaphore(2, true);
        Map<String, Object> measured = StandInCeiling.measure("two at a time, 5 ms each", caller -> {
            permits.acquireUninterruptibly();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                permits.release();
            }
        }, Duration.ofMillis(300));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = (List<Map<String, Object>>) measured.get("levels");
        assertThat(levels).extracting(level -> level.get("concurrency")).containsExactly(1, 2, 4, 8, 16);
        double one = (Double) levels.get(0).get("operationsPerSecond");
        double sixteen = (Double) levels.get(4).get("operationsPerSecond");
        assertThat(one).isLessThanOrEqualTo(200.0); // at most 1000 / 5
        assertThat(sixteen).isBetween(one * 1.5, one * 2.5); // two permits: twice one caller's
        assertThat((Double) levels.get(4).get("p50Millis")).isGreaterThan((Double) levels.get(0).get("p50Millis") * 3);
        assertThat((Double) measured.get("ceilingOperationsPerSecond"))
                .isEqualTo(levels.stream().mapToDouble(level -> (Double) level.get("operationsPerSecond")).max().orElseThrow());
    }
}
