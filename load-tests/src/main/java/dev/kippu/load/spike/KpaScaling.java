package dev.kippu.load.spike;

import java.util.OptionalInt;

/**
 * The Knative Pod Autoscaler of deploy-knative's Service (docs/knative.md): it watches in-flight
 * requests, the ones being served (served × mean request time, Little's law) plus the ones its
 * activator and queue-proxies hold, averaged over the stable window (60 s) and the panic window
 * (10 % of it, 6 s), and wants ceil(average / (target × utilisation)) pods. When the panic window's
 * count is at least the panic threshold (200 %) of the ready pods, or there are none, it panics:
 * it takes the larger count and keeps panicking for a stable window after the last trigger. From
 * zero pods the activator holds the requests (Buffer.KNATIVE_ACTIVATOR) and reports them.
 * Knative's max-scale-up-rate (1000×) never binds here; the autoscaler is asked every second.
 *
 * <p>Sources: https://knative.dev/docs/serving/autoscaling/kpa-specific/ (stable window 60 s,
 * panic window percentage 10, panic threshold 200 %, no scale-down while panicking),
 * https://knative.dev/docs/serving/load-balancing/target-burst-capacity/ (the activator receives
 * and buffers requests for revisions at zero or beyond their burst capacity),
 * https://knative.dev/blog/articles/demystifying-activator-on-path (the activator as a request buffer).
 */
public record KpaScaling(int minInstances, int maxInstances, double targetConcurrency, double targetUtilisation,
                         int stableWindowSeconds, double panicWindowPercent, double panicThresholdPercent,
                         double meanRequestSeconds) implements Scaler {

    public KpaScaling {
        Scaler.requireRange(minInstances, maxInstances);
        Spike.requirePositive("targetConcurrency", targetConcurrency);
        if (!(targetUtilisation > 0 && targetUtilisation <= 1)) {
            throw new IllegalArgumentException("targetUtilisation in (0, 1], got " + targetUtilisation);
        }
        if (stableWindowSeconds < 6 || !(panicWindowPercent >= 1 && panicWindowPercent <= 100)
                || !(panicThresholdPercent >= 110)) {
            throw new IllegalArgumentException("stable window >= 6 s, panic window 1-100 %, panic threshold >= 110 %");
        }
        Spike.requirePositive("meanRequestSeconds", meanRequestSeconds);
    }

    /**
     * docs/knative.md: min-scale 0, max-scale 50, soft target 50 in flight at 70 %, window 60 s;
     * Knative's default panic window (10 %) and threshold (200 %). The mean request time is measured.
     */
    public static KpaScaling stack(double meanRequestSeconds) {
        return new KpaScaling(0, 50, 50, 0.7, 60, 10, 200, meanRequestSeconds);
    }

    int panicWindowSeconds() {
        return Math.max(1, (int) Math.round(stableWindowSeconds * panicWindowPercent / 100));
    }

    @Override
    public int instancesBefore(double baseRequestsPerSecond) {
        return pods(baseRequestsPerSecond * meanRequestSeconds);
    }

    @Override
    public OptionalInt desired(int second, History history) {
        int stable = pods(average(second, stableWindowSeconds, history));
        boolean panicking = false;
        for (int s = second; s > second - stableWindowSeconds && s >= 0 && !panicking; s--) {
            panicking = panics(s, history);
        }
        return OptionalInt.of(panicking ? Math.max(stable, pods(average(second, panicWindowSeconds(), history)))
                : stable);
    }

    private boolean panics(int second, History history) {
        int panic = pods(average(second, panicWindowSeconds(), history));
        int ready = history.ready(second);
        return ready == 0 ? panic > 0 : panic >= ready * panicThresholdPercent / 100;
    }

    private double average(int second, int window, History history) {
        int from = Math.max(0, second - window + 1);
        double sum = 0;
        for (int s = from; s <= second; s++) {
            sum += history.served(s) * meanRequestSeconds + history.queued(s);
        }
        return sum / (second - from + 1);
    }

    private int pods(double concurrency) {
        return (int) Math.ceil(concurrency / (targetConcurrency * targetUtilisation) - 1e-9);
    }
}
