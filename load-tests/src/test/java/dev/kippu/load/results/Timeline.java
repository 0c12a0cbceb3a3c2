package dev.kippu.load.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.LongStream;

/**
 * The answers of a run second by second, by when each ended: how many, how many failed, and the
 * latency percentiles of those with a response. Gatling 3.13's {@code stats.json} has only the
 * run's totals, and its {@code simulation.log} is a binary format of its own; so the time series is
 * recorded here, one entry per answer.
 */
public final class Timeline {

    private final long startMillis;
    private final ConcurrentSkipListMap<Long, Second> seconds = new ConcurrentSkipListMap<>();

    public Timeline(long startMillis) {
        this.startMillis = startMillis;
    }

    /** An answer that ended at {@code endMillis} (epoch), its latency when it had a response ({@code -1} when it had none). */
    public void record(long endMillis, boolean failed, long latencyMillis) {
        long second = Math.max(0, (endMillis - startMillis) / 1000);
        seconds.computeIfAbsent(second, key -> new Second()).add(failed, latencyMillis);
    }

    /** Every second from the first to the last answer, those without one included, as the result's {@code timeline}. */
    public List<Map<String, Object>> seconds() {
        List<Map<String, Object>> timeline = new ArrayList<>();
        if (seconds.isEmpty()) {
            return timeline;
        }
        for (long second = 0; second <= seconds.lastKey(); second++) {
            Second tally = seconds.get(second);
            timeline.add(tally == null ? new Second().figures(second) : tally.figures(second));
        }
        return timeline;
    }

    /**
     * The latency drift: the 95th percentile of the answers in the first and in the last tenth of
     * the run (at least a second each), and that window's length; empty without answers.
     */
    public Map<String, Object> drift() {
        if (seconds.isEmpty()) {
            return Map.of();
        }
        long last = seconds.lastKey();
        long window = Math.max(1, (last + 1) / 10);
        Map<String, Object> drift = new LinkedHashMap<>();
        drift.put("windowSeconds", window);
        drift.put("p95MillisFirst", p95Between(0, window));
        drift.put("p95MillisLast", p95Between(last + 1 - window, last + 1));
        return drift;
    }

    private Long p95Between(long fromSecond, long toSecond) {
        long[] latencies = seconds.subMap(fromSecond, toSecond).values().stream().flatMapToLong(Second::latencies).sorted().toArray();
        return Second.percentile(latencies, 95);
    }

    private static final class Second {

        private int requests;
        private int failed;
        private long[] latencies = new long[16];
        private int answered;

        synchronized void add(boolean failedAnswer, long latencyMillis) {
            requests++;
            if (failedAnswer) {
                failed++;
            }
            if (latencyMillis >= 0) {
                if (answered == latencies.length) {
                    latencies = Arrays.copyOf(latencies, answered * 2);
                }
                latencies[answered++] = latencyMillis;
            }
        }

        synchronized LongStream latencies() {
            return Arrays.stream(Arrays.copyOf(latencies, answered));
        }

        synchronized Map<String, Object> figures(long second) {
            long[] sorted = Arrays.copyOf(latencies, answered);
            Arrays.sort(sorted);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("second", second);
            figures.put("requests", requests);
            figures.put("ok", requests - failed);
            figures.put("failed", failed);
            figures.put("p50Millis", percentile(sorted, 50));
            figures.put("p95Millis", percentile(sorted, 95));
            figures.put("maxMillis", sorted.length == 0 ? null : sorted[sorted.length - 1]);
            return figures;
        }

        /** The nearest-rank percentile, or null without a latency. */
        private static Long percentile(long[] sorted, int percent) {
            if (sorted.length == 0) {
                return null;
            }
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }
}
