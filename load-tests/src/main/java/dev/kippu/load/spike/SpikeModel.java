package dev.kippu.load.spike;

import dev.kippu.load.cost.RuntimeCost;

/**
 * What a flash sale ({@link Spike}) does on each of Kippu's runtimes, from their documented scaling
 * behaviour (each scaling record names its sources) and the measured start-up and request times:
 * requests served, queued and refused, the longest wait, when the spike was absorbed, the new
 * instances or cold starts, and the cost of the observed seconds at the cost model's prices
 * ({@link RuntimeCost} of the same runtime). docs/spike-model.md lists the assumptions.
 */
public final class SpikeModel {

    /**
     * Knative's activator holds requests for a revision at zero or over its burst capacity, up to the
     * revision's timeoutSeconds (300 s in deploy-knative), and answers 503 beyond 10,000 queued for
     * it ({@code breakerQueueDepth} in knative/serving's pkg/activator/net/throttler.go); one
     * activator replica is assumed (its autoscaler scales it on CPU, from one).
     */
    public static final Buffer KNATIVE_ACTIVATOR = new Buffer(0, 10_000, 300);

    private SpikeModel() {
    }

    /** On-demand Lambda, SnapStart or native: {@code cost} from Runtimes.lambdaSnapStart or lambdaNative. */
    public static SpikeOutcome lambda(Spike spike, LambdaScaling scaling, RuntimeCost cost) {
        return LambdaSimulation.run(spike, scaling, cost);
    }

    /** Lambda Managed Instances: throttled beyond the ready instances, nothing queues. */
    public static SpikeOutcome managedInstances(Spike spike, ManagedInstancesScaling scaling, Instances instances,
                                                RuntimeCost cost) {
        return FleetSimulation.run(cost.runtime(), spike, scaling, instances, Buffer.NONE, Charges.of(cost));
    }

    /** The ECS service on Fargate: requests wait in Tomcat behind the ALB until CloudFront's timeout. */
    public static SpikeOutcome fargate(Spike spike, EcsScaling scaling, Instances tasks, RuntimeCost cost) {
        return FleetSimulation.run(cost.runtime(), spike, scaling, tasks, Buffer.TOMCAT_BEHIND_CLOUDFRONT,
                Charges.of(cost));
    }

    /** A Kubernetes Deployment under k8s/base/hpa.yaml (EKS or GKE), behind a load balancer and CloudFront. */
    public static SpikeOutcome kubernetes(Spike spike, HpaScaling scaling, Instances pods, RuntimeCost cost) {
        return FleetSimulation.run(cost.runtime(), spike, scaling, pods, Buffer.TOMCAT_BEHIND_CLOUDFRONT,
                Charges.of(cost));
    }

    /** The Knative Service: the activator and queue-proxies hold what the pods cannot take yet. */
    public static SpikeOutcome knative(Spike spike, KpaScaling scaling, Instances pods, RuntimeCost cost) {
        return FleetSimulation.run(cost.runtime(), spike, scaling, pods, KNATIVE_ACTIVATOR, Charges.of(cost));
    }

    /**
     * The Cloud Run service: requests pend for an instance ({@link #cloudRunPending}), an instance
     * serves no more than its maximum concurrency allows, and request-based billing charges an
     * instance only while it starts or serves. {@code instances.startSeconds()} is the measured
     * container start (with startup CPU boost, which the stack turns on) and Cloud Run's own
     * scheduling; {@code cost} from Runtimes.cloudRun.
     */
    public static SpikeOutcome cloudRun(Spike spike, CloudRunScaling scaling, Instances instances, RuntimeCost cost) {
        Instances concurrencyBound = new Instances(Math.min(instances.requestsPerSecondAtFullLoad(),
                scaling.requestsPerSecondAtMaxConcurrency()), instances.startSeconds());
        return FleetSimulation.run(cost.runtime(), spike, scaling, concurrencyBound,
                cloudRunPending(instances.startSeconds()), Charges.of(cost));
    }

    /**
     * Requests with no instance free pend up to 3.5 times the service's average instance start or
     * 10 s, whichever is longer, then fail with 429 (no limit on their number was found documented);
     * behind CloudFront, never longer than its origin timeout.
     * https://cloud.google.com/run/docs/about-instance-autoscaling (exceeding maximum instances)
     */
    static Buffer cloudRunPending(double startSeconds) {
        int pending = (int) Math.max(10, Math.ceil(3.5 * startSeconds));
        return new Buffer(0, Long.MAX_VALUE, Math.min(pending, Buffer.CLOUDFRONT_ORIGIN_TIMEOUT_SECONDS));
    }
}
