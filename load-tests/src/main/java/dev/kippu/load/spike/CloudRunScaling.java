package dev.kippu.load.spike;

import java.util.OptionalInt;

/**
 * Cloud Run's instance autoscaling for deploy-knative's cloudrun Service. Metrics-based: it wants
 * the larger of ceil(average concurrency / (maxConcurrency × concurrencyTarget)) and
 * ceil(average CPU in use, in instances / cpuTarget), both averaged over the last
 * {@code windowSeconds}; concurrency is the requests being served (served × mean request time,
 * Little's law) plus those pending for an instance. On demand: requests pending with every instance
 * at its maximum concurrency get new instances at once: ceil(concurrency now / maxConcurrency).
 * The CPU in use is what the ready instances serve over their full load, so it saturates in an
 * overload, as the HPA's does. An instance serves at most {@code maxConcurrency} requests at once:
 * no more than maxConcurrency / mean request time a second, however fast its CPU.
 *
 * <p>Sources: https://cloud.google.com/run/docs/about-instance-autoscaling (metrics-based and
 * on-demand scaling; CPU and concurrency each kept at 60 % over a one-minute window; minimum and
 * maximum instances; pending requests), https://cloud.google.com/run/docs/about-concurrency
 * (maximum concurrent requests per instance, up to 1,000).
 */
public record CloudRunScaling(int minInstances, int maxInstances, int maxConcurrency, double concurrencyTarget,
                              double cpuTarget, int windowSeconds, double meanRequestSeconds) implements Scaler {

    public CloudRunScaling {
        Scaler.requireRange(minInstances, maxInstances);
        if (maxConcurrency < 1 || maxConcurrency > 1_000 || windowSeconds < 1) {
            throw new IllegalArgumentException("max concurrency 1-1,000 and a window >= 1 s, got " + maxConcurrency
                    + ", " + windowSeconds);
        }
        if (!(concurrencyTarget > 0 && concurrencyTarget <= 1) || !(cpuTarget > 0 && cpuTarget <= 1)) {
            throw new IllegalArgumentException("targets in (0, 1], got " + concurrencyTarget + ", " + cpuTarget);
        }
        Spike.requirePositive("meanRequestSeconds", meanRequestSeconds);
    }

    /**
     * deploy-knative's cloudrun/kippu-service.yaml: 0 to 50 instances, containerConcurrency 100;
     * Cloud Run's 60 % targets over one minute. The mean request time is measured.
     */
    public static CloudRunScaling stack(double meanRequestSeconds) {
        return new CloudRunScaling(0, 50, 100, 0.6, 0.6, 60, meanRequestSeconds);
    }

    /** The most one instance serves a second: its maximum concurrency, each for the mean request time. */
    public double requestsPerSecondAtMaxConcurrency() {
        return maxConcurrency / meanRequestSeconds;
    }

    /** By concurrency alone: the CPU a steady base rate takes is not known before it is served. */
    @Override
    public int instancesBefore(double baseRequestsPerSecond) {
        return instances(baseRequestsPerSecond * meanRequestSeconds, maxConcurrency * concurrencyTarget);
    }

    @Override
    public OptionalInt desired(int second, History history) {
        int from = Math.max(0, second - windowSeconds + 1);
        double concurrency = 0;
        double cpuInstances = 0;
        for (int s = from; s <= second; s++) {
            concurrency += concurrency(s, history);
            cpuInstances += history.capacity(s) == 0 ? 0 : history.served(s) / history.capacity(s) * history.ready(s);
        }
        int seconds = second - from + 1;
        int metricsBased = Math.max(instances(concurrency / seconds, maxConcurrency * concurrencyTarget),
                instances(cpuInstances / seconds, cpuTarget));
        // more than the instances there are only when requests pend beyond their maximum concurrency
        int onDemand = instances(concurrency(second, history), maxConcurrency);
        return OptionalInt.of(Math.max(metricsBased, onDemand));
    }

    private double concurrency(int second, History history) {
        return history.served(second) * meanRequestSeconds + history.queued(second);
    }

    private static int instances(double load, double perInstance) {
        return (int) Math.ceil(load / perInstance - 1e-9);
    }
}
