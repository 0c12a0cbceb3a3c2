package dev.kippu.load.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final long START = 1_000_000;

    @Test
    void answersAreCountedInTheSecondTheyEndedIn() {
        Timeline timeline = new Timeline(START);
        timeline.record(START + 100, false, 10);
        timeline.record(START + 999, true, 30);
        timeline.record(START + 2_500, true, -1);

        assertThat(timeline.seconds()).containsExactly(
                second(0, 2, 1, 10L, 30L, 30L),
                second(1, 0, 0, null, null, null),
                second(2, 1, 1, null, null, null));
    }

    @Test
    void percentilesAreNearestRankOverTheSecondsLatencies() {
        Timeline timeline = new Timeline(START);
        for (int latency = 1; latency <= 20; latency++) {
            timeline.record(START + 10, false, latency);
        }

        assertThat(timeline.seconds().getFirst()).containsEntry("p50Millis", 10L).containsEntry("p95Millis", 19L).containsEntry("maxMillis", 20L);
    }

    @Test
    void theDriftComparesTheFirstAndTheLastTenthOfTheRun() {
        Timeline timeline = new Timeline(START);
        for (int second = 0; second < 20; second++) {
            timeline.record(START + second * 1_000L + 500, false, 100 + second * 10);
        }

        assertThat(timeline.drift()).containsEntry("windowSeconds", 2L).containsEntry("p95MillisFirst", 110L).containsEntry("p95MillisLast", 290L);
    }

    @Test
    void aRunWithoutAnswersHasNoSecondsAndNoDrift() {
        assertThat(new Timeline(START).seconds()).isEmpty();
        assertThat(new Timeline(START).drift()).isEmpty();
    }

    private static Map<String, Object> second(long second, int requests, int failed, Long p50, Long p95, Long max) {
        Map<String, Object> figures = new HashMap<>();
        figures.putAll(Map.of("second", second, "requests", requests, "ok", requests - failed, "failed", failed));
        figures.put("p50Millis", p50);
        figures.put("p95Millis", p95);
        figures.put("maxMillis", max);
        return figures;
    }
}
