package dev.kippu.load.spike;

import java.util.OptionalInt;

/**
 * The Kubernetes HorizontalPodAutoscaler of k8s/base/hpa.yaml: every sync period it reads the
 * pods' CPU utilisation (of their request, taken as full load) and their served requests a second,
 * averaged over the metrics' last window, and wants ceil(ready × ratio) for the larger ratio of
 * metric to target, unless within the tolerance; a scale-up adds at most the larger of
 * {@code scaleUpPercent} % and {@code scaleUpPods} pods a sync (stabilisation 0, selectPolicy Max).
 * Both metrics count only what the pods serve, so in an overload they saturate: CPU at 100 % of the
 * request, which caps one step at 1 / target (1.67× at 60 %).
 *
 * <p>Sources: https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/ (the
 * algorithm desired = ceil(current × metric / target), tolerance 0.1, the 15 s default of
 * --horizontal-pod-autoscaler-sync-period, behavior policies); metrics-server collects every 15 s
 * (https://kubernetes-sigs.github.io/metrics-server/); the EKS API's
 * HorizontalPodAutoscalerControllerConfig confirms the 15 s default sync
 * (https://docs.aws.amazon.com/eks/latest/APIReference/API_HorizontalPodAutoscalerControllerConfigRequest.html).
 */
public record HpaScaling(int minInstances, int maxInstances, int syncPeriodSeconds, int metricWindowSeconds,
                         double cpuTargetUtilisation, double requestsPerSecondPerPodTarget, int scaleUpPercent,
                         int scaleUpPods, double tolerance) implements Scaler {

    public HpaScaling {
        Scaler.requireRange(minInstances, maxInstances);
        if (minInstances < 1 || syncPeriodSeconds < 1 || metricWindowSeconds < 1 || scaleUpPercent < 0
                || scaleUpPods < 0 || !(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("min pods, sync period and metric window >= 1, scale-up limits >= 0,"
                    + " tolerance in [0, 1)");
        }
        if (!(cpuTargetUtilisation > 0 && cpuTargetUtilisation <= 1)) {
            throw new IllegalArgumentException("cpuTargetUtilisation in (0, 1], got " + cpuTargetUtilisation);
        }
        Spike.requirePositive("requestsPerSecondPerPodTarget", requestsPerSecondPerPodTarget);
    }

    /**
     * k8s/base/hpa.yaml: 2 to 10 pods, CPU 60 %, 100 requests a second a pod, scale up by 100 % or
     * 4 pods every 15 s; Kubernetes' 15 s sync, metrics-server's 15 s window, tolerance 0.1.
     */
    public static HpaScaling stack() {
        return new HpaScaling(2, 10, 15, 15, 0.6, 100, 100, 4, 0.1);
    }

    @Override
    public int instancesBefore(double baseRequestsPerSecond) {
        return (int) Math.ceil(baseRequestsPerSecond / requestsPerSecondPerPodTarget);
    }

    @Override
    public OptionalInt desired(int second, History history) {
        if ((second + 1) % syncPeriodSeconds != 0) {
            return OptionalInt.empty();
        }
        double served = 0;
        double capacity = 0;
        double podSeconds = 0;
        for (int s = Math.max(0, second - metricWindowSeconds + 1); s <= second; s++) {
            served += history.served(s);
            capacity += history.capacity(s);
            podSeconds += history.ready(s);
        }
        if (podSeconds == 0) {
            return OptionalInt.empty();
        }
        double ratio = Math.max(served / capacity / cpuTargetUtilisation,
                served / podSeconds / requestsPerSecondPerPodTarget);
        if (ratio <= 1 + tolerance) {
            return OptionalInt.empty();
        }
        int current = history.instances(second);
        int limit = Math.max(current + current * scaleUpPercent / 100, current + scaleUpPods);
        return OptionalInt.of(Math.min(limit, (int) Math.ceil(history.ready(second) * ratio)));
    }
}
