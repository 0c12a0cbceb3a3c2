package dev.kippu.load.spike;

import java.util.OptionalInt;

/**
 * ECS service auto scaling by target tracking on ALBRequestCountPerTarget (requests a minute per
 * healthy target, counted by the ALB as they arrive, so it sees the whole demand): at the end of
 * each metric period, when the last {@code evaluationPeriods} periods were all above the target, the
 * service is set to ceil(ready × metric / target) tasks. That asks for demand / target at once, so
 * the stack's 60 s scale-out cooldown never binds on a step of demand and is not an input here: it
 * would only delay a second step.
 * The stack's CPU policy (60 %) is not simulated: CPU saturates at 100 % in an overload, the request
 * count does not, so the request policy asks for at least as many tasks.
 *
 * <p>Sources: https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html
 * (target tracking creates and manages the CloudWatch alarms; scale-out adds capacity in proportion
 * to the metric; cooldowns), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html,
 * and https://docs.aws.amazon.com/AmazonECS/latest/developerguide/target-tracking-create-policy.html
 * (ALBRequestCountPerTarget is per minute). The alarm's 3 datapoints of 60 s are what the managed
 * high alarm is known to use, not found stated in the pages searched: an input.
 */
public record EcsScaling(int minInstances, int maxInstances, double targetRequestsPerMinute, int metricPeriodSeconds,
                         int evaluationPeriods) implements Scaler {

    public EcsScaling {
        Scaler.requireRange(minInstances, maxInstances);
        if (minInstances < 1) {
            throw new IllegalArgumentException("an ECS service behind the ALB keeps at least 1 task, got " + minInstances);
        }
        Spike.requirePositive("targetRequestsPerMinute", targetRequestsPerMinute);
        if (metricPeriodSeconds < 1 || evaluationPeriods < 1) {
            throw new IllegalArgumentException("period and evaluation periods must be >= 1, got "
                    + metricPeriodSeconds + ", " + evaluationPeriods);
        }
    }

    /**
     * deploy-fargate's defaults: 2 to 8 tasks, 1,000 requests a minute per task
     * (FargateSettings); CloudWatch's 60 s period, 3 periods.
     */
    public static EcsScaling stack() {
        return new EcsScaling(2, 8, 1_000, 60, 3);
    }

    @Override
    public int instancesBefore(double baseRequestsPerSecond) {
        return (int) Math.ceil(baseRequestsPerSecond * 60 / targetRequestsPerMinute);
    }

    @Override
    public OptionalInt desired(int second, History history) {
        if ((second + 1) % metricPeriodSeconds != 0) {
            return OptionalInt.empty();
        }
        int latest = (second + 1) / metricPeriodSeconds - 1;
        if (latest + 1 < evaluationPeriods) {
            return OptionalInt.empty();
        }
        for (int period = latest - evaluationPeriods + 1; period <= latest; period++) {
            if (!(requestsPerMinutePerTarget(period, history) > targetRequestsPerMinute)) {
                return OptionalInt.empty();
            }
        }
        int ready = history.ready(second);
        return OptionalInt.of((int) Math.ceil(ready * requestsPerMinutePerTarget(latest, history)
                / targetRequestsPerMinute));
    }

    private double requestsPerMinutePerTarget(int period, History history) {
        int end = (period + 1) * metricPeriodSeconds - 1;
        double requests = 0;
        for (int s = period * metricPeriodSeconds; s <= end; s++) {
            requests += history.arrived(s);
        }
        return requests * 60 / metricPeriodSeconds / history.ready(end);
    }
}
