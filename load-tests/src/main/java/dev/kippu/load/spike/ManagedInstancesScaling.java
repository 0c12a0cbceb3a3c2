package dev.kippu.load.spike;

import java.util.OptionalInt;

/**
 * Lambda Managed Instances: no cold start per request; Lambda scales the capacity provider's
 * instances asynchronously on CPU and on the execution environments' concurrency saturation, and
 * "if your traffic more than doubles within 5 minutes, you may see throttles". Modelled as: it
 * wants ceil(demand / target) instances, but holds no more than twice what ran
 * {@code doublingSeconds} before; what the ready instances cannot take is throttled (429, no
 * queue: Lambda rejects new invokes to protect those in flight). It is taken to see the whole
 * demand (the throttles and saturation are its signals), which is optimistic.
 *
 * <p>Sources: https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-scaling.html
 * (asynchronous scaling, the five-minute doubling, three instances by default for AZ resiliency),
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-troubleshooting.html
 * (429s during a fast scale-up; rejecting new invokes to protect in-flight ones).
 */
public record ManagedInstancesScaling(int minInstances, int maxInstances, double targetRequestsPerSecondPerInstance,
                                      int doublingSeconds) implements Scaler {

    public ManagedInstancesScaling {
        Scaler.requireRange(minInstances, maxInstances);
        if (minInstances < 1 || doublingSeconds < 1) {
            throw new IllegalArgumentException("at least 1 instance and a doubling time >= 1 s, got " + minInstances
                    + ", " + doublingSeconds);
        }
        Spike.requirePositive("targetRequestsPerSecondPerInstance", targetRequestsPerSecondPerInstance);
    }

    /**
     * deploy-lambda's capacity provider: at most 12 vCPUs (kippu:miMaxVCpus), so 6 two-vCPU
     * instances (m7g.large, the cost model's price); Lambda's three to start; the documented five
     * minutes. What one instance serves at Lambda's target is measured.
     */
    public static ManagedInstancesScaling stack(double targetRequestsPerSecondPerInstance) {
        return new ManagedInstancesScaling(3, 6, targetRequestsPerSecondPerInstance, 300);
    }

    @Override
    public int instancesBefore(double baseRequestsPerSecond) {
        return (int) Math.ceil(baseRequestsPerSecond / targetRequestsPerSecondPerInstance);
    }

    @Override
    public OptionalInt desired(int second, History history) {
        int wanted = (int) Math.ceil(history.arrived(second) / targetRequestsPerSecondPerInstance - 1e-9);
        return OptionalInt.of(Math.min(wanted, 2 * history.instances(second - doublingSeconds + 1)));
    }
}
