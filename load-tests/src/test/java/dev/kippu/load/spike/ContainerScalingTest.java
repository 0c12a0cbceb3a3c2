package dev.kippu.load.spike;

import org.junit.jupiter.api.Test;

import dev.kippu.load.cost.Capacity;
import dev.kippu.load.cost.PodSize;
import dev.kippu.load.cost.RequestProfile;
import dev.kippu.load.cost.RuntimeCost;
import dev.kippu.load.cost.Runtimes;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ContainerScalingTest {

    private static final EcsScaling ONE_PERIOD = new EcsScaling(2, 8, 1_000, 60, 1);

    @Test
    void ecsGoesFromTwoToSixTasksAtTheEndOfTheFirstMetricPeriod() {
        // 100 req/s = 6,000 a minute over 2 targets = 3,000 a target > 1,000 → ceil(2 × 3) = 6 at t = 59;
        // tasks of 60 req/s serve it all along, so nothing waits
        SpikeOutcome outcome = SpikeModel.fargate(new Spike(0, 100, 300, 300), ONE_PERIOD, new Instances(60, 2),
                Fixtures.FLEET);

        assertThat(Fixtures.instancesAt(outcome, 58)).isEqualTo(2);
        assertThat(Fixtures.instancesAt(outcome, 59)).isEqualTo(6);
        assertThat(outcome.newInstances()).isEqualTo(4);
        assertThat(outcome.refused()).isZero();
        assertThat(outcome.maxQueued()).isZero();
        // 2 × 59 + 6 × 241 instance-seconds at $0.001, 30,000 requests at $0.000001
        assertThat(outcome.usd()).isCloseTo(1.564 + 0.03, within(1e-9));
    }

    @Test
    void threeEvaluationPeriodsDelayTheScaleOutToTheThirdMinute() {
        EcsScaling threePeriods = new EcsScaling(2, 8, 1_000, 60, 3);

        SpikeOutcome outcome = SpikeModel.fargate(new Spike(0, 100, 300, 300), threePeriods, new Instances(60, 2),
                Fixtures.FLEET);

        assertThat(Fixtures.instancesAt(outcome, 178)).isEqualTo(2);
        assertThat(Fixtures.instancesAt(outcome, 179)).isEqualTo(6);
    }

    @Test
    void ecsQueuesInTomcatUntilTheNewTasksTakeTraffic() {
        // 2 tasks of 40 req/s against 100: 20 a second wait; the 4 new tasks (2 s start) serve from
        // t = 62; the 1,240 waiting then drain at 140 a second, gone in second 70
        SpikeOutcome outcome = SpikeModel.fargate(new Spike(0, 100, 300, 300), ONE_PERIOD, new Instances(40, 2),
                Fixtures.FLEET);

        assertThat(outcome.maxQueued()).isCloseTo(1_240, within(1e-9));
        assertThat(outcome.absorbedAtSecond()).isEqualTo(OptionalInt.of(70));
        // the oldest request served in second 62 arrived in second 49 (80 served a second before)
        assertThat(outcome.maxWaitSeconds()).isEqualTo(13);
        assertThat(outcome.refused()).isZero();
        assertThat(outcome.served()).isCloseTo(30_000, within(1e-9));
    }

    @Test
    void hpaStepsAreCappedByTheCpuMetricSaturating() {
        // 2 pods of 50 req/s against 300: CPU 100 % of the request, ratio 1 / 0.6; at t = 14
        // ceil(2 × 1.67) = 4 (the limit is 6); new pods ready at 25; at t = 29 ceil(4 × 1.67) = 7;
        // at t = 44, still saturated, ceil(7 × 1.67) = 12, held to maxReplicas 10
        SpikeOutcome outcome = SpikeModel.kubernetes(new Spike(0, 300, 120, 120), HpaScaling.stack(),
                new Instances(50, 10), Fixtures.FLEET);

        assertThat(Fixtures.instancesAt(outcome, 13)).isEqualTo(2);
        assertThat(Fixtures.instancesAt(outcome, 14)).isEqualTo(4);
        assertThat(Fixtures.instancesAt(outcome, 28)).isEqualTo(4);
        assertThat(Fixtures.instancesAt(outcome, 29)).isEqualTo(7);
        assertThat(Fixtures.instancesAt(outcome, 43)).isEqualTo(7);
        assertThat(Fixtures.instancesAt(outcome, 44)).isEqualTo(10);
        assertThat(outcome.newInstances()).isEqualTo(8);
    }

    @Test
    void hpaScaleUpIsLimitedToFourPodsOrDoubleASync() {
        // pods serving 500 req/s each at 100 a pod's target: ratio 5, wants ceil(2 × 5) = 10, may add
        // max(100 %, 4 pods): 6 at t = 14; at t = 29 (the new pods still starting) 10 ≤ max(12, 10)
        SpikeOutcome outcome = SpikeModel.kubernetes(new Spike(0, 1_000, 60, 60), HpaScaling.stack(),
                new Instances(500, 100), Fixtures.FLEET);

        assertThat(Fixtures.instancesAt(outcome, 14)).isEqualTo(6);
        assertThat(Fixtures.instancesAt(outcome, 29)).isEqualTo(10);
    }

    @Test
    void hpaLeavesLoadWithinTheToleranceAlone() {
        // 65 req/s on 2 pods of 50: CPU 65 %, 1.083 × the target, inside the 10 % tolerance
        SpikeOutcome outcome = SpikeModel.kubernetes(new Spike(65, 0, 0, 120), HpaScaling.stack(),
                new Instances(50, 10), Fixtures.FLEET);

        assertThat(outcome.newInstances()).isZero();
        assertThat(outcome.refused()).isZero();
        assertThat(outcome.maxQueued()).isZero();
        assertThat(outcome.absorbedAtSecond()).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void knativeFromZeroHoldsRequestsInTheActivatorWhileItPanics() {
        // target 50 × 0.7 = 35 in flight a pod. At zero pods every request waits and panic mode wants
        // ceil(100/35) = 3 at t = 0, 5 at 1 (avg 150), 6, 8, 9, 10 (avg 350); the first 3 serve from
        // t = 6 (5 s start), leaving 100 of the 700 waiting; at t = 6 the panic window's average,
        // (200+300+400+500+600+160)/6 = 360, wants 11; from t = 7 nothing waits
        SpikeOutcome outcome = SpikeModel.knative(new Spike(0, 100, 60, 60), KpaScaling.stack(0.1),
                new Instances(200, 5), Fixtures.FLEET);

        assertThat(Fixtures.instancesAt(outcome, 0)).isEqualTo(3);
        assertThat(Fixtures.instancesAt(outcome, 1)).isEqualTo(5);
        assertThat(Fixtures.instancesAt(outcome, 5)).isEqualTo(10);
        assertThat(outcome.newInstances()).isEqualTo(11);
        assertThat(outcome.maxQueued()).isCloseTo(600, within(1e-9));
        assertThat(outcome.maxWaitSeconds()).isEqualTo(6);
        assertThat(outcome.refused()).isZero();
        assertThat(outcome.absorbedAtSecond()).isEqualTo(OptionalInt.of(7));
        // instance-seconds 3 + 5 + 6 + 8 + 9 + 10 + 11 × 54 = 635, and 6,000 requests
        assertThat(outcome.usd()).isCloseTo(0.635 + 0.006, within(1e-9));
    }

    @Test
    void knativesActivatorRefusesBeyondTenThousandQueued() {
        // 5,000 a second at zero pods that take 5 s to start: 10,000 wait after two seconds, the rest
        // of the first five seconds' 25,000 are refused at once
        SpikeOutcome outcome = SpikeModel.knative(new Spike(0, 5_000, 60, 60), KpaScaling.stack(0.1),
                new Instances(200, 5), Fixtures.FLEET);

        assertThat(outcome.maxQueued()).isCloseTo(10_000, within(1e-9));
        assertThat(outcome.refused()).isGreaterThanOrEqualTo(15_000);
    }

    @Test
    void knativeWithNoTrafficStaysAtZero() {
        SpikeOutcome outcome = SpikeModel.knative(new Spike(0, 0, 0, 60), KpaScaling.stack(0.1),
                new Instances(200, 5), Fixtures.FLEET);

        assertThat(outcome.newInstances()).isZero();
        assertThat(outcome.usd()).isZero();
        assertThat(outcome.absorbedAtSecond()).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void managedInstancesThrottleWhileCapacityMayOnlyDoubleInFiveMinutes() {
        // 300 req/s on 3 instances (target 100, full load 125), then 1,000: at most 6 in the first
        // 300 s (ready at 61), 10 once t − 299 ≥ 0 saw 6 (ready at 360). Throttled 625 a second for
        // 61 s, then 250 a second for 299 s.
        ManagedInstancesScaling scaling = new ManagedInstancesScaling(3, 20, 100, 300);

        SpikeOutcome outcome = SpikeModel.managedInstances(new Spike(300, 700, 600, 600), scaling,
                new Instances(125, 60), Fixtures.FLEET);

        assertThat(Fixtures.instancesAt(outcome, 0)).isEqualTo(6);
        assertThat(Fixtures.instancesAt(outcome, 298)).isEqualTo(6);
        assertThat(Fixtures.instancesAt(outcome, 299)).isEqualTo(10);
        assertThat(outcome.refused()).isCloseTo(38_125 + 74_750, within(1e-6));
        assertThat(outcome.absorbedAtSecond()).isEqualTo(OptionalInt.of(360));
        assertThat(outcome.maxQueued()).isZero();
        assertThat(outcome.newInstances()).isEqualTo(7);
    }

    @Test
    void cloudRunFromZeroStartsWhatTheConcurrencyTargetWantsAndBillsOnlyBusyInstances() {
        // 10 in flight an instance at most, target 50 %: 100 pending at t = 0 want ceil(100 / 5) = 20
        // (on demand only 10); ready at t = 3, the 400 pending served at once (50 a second each).
        // Billed: 20 starting for 3 s, 20 busy at t = 3 (40 in flight), then 100 × 0.1 = 10 in flight
        // of 20 for 56 s: 60 + 20 + 560 = 640 instance-seconds, and 6,000 requests
        CloudRunScaling scaling = new CloudRunScaling(0, 20, 10, 0.5, 0.6, 60, 0.1);

        SpikeOutcome outcome = SpikeModel.cloudRun(new Spike(0, 100, 60, 60), scaling, new Instances(50, 2),
                Fixtures.BUSY);

        assertThat(Fixtures.instancesAt(outcome, 0)).isEqualTo(20);
        assertThat(outcome.newInstances()).isEqualTo(20);
        assertThat(outcome.maxQueued()).isCloseTo(300, within(1e-9));
        assertThat(outcome.maxWaitSeconds()).isEqualTo(3);
        assertThat(outcome.refused()).isZero();
        assertThat(outcome.absorbedAtSecond()).isEqualTo(OptionalInt.of(3));
        assertThat(outcome.usd()).isCloseTo(0.640 + 0.006, within(1e-9));
    }

    @Test
    void cloudRunStartsInstancesOnDemandWhileTheMinuteAverageLags() {
        // target 80 % of 10: the window's average concurrency wants 13, 19, 25, 32 at t = 0..3, but
        // 100, 200, 300, 400 pending with every instance full want 10, 20, 30, 40 at once; the first
        // 13 serve from t = 4 (3 s start) and take the 500 waiting; the average then wants 27
        CloudRunScaling scaling = new CloudRunScaling(0, 100, 10, 0.8, 0.6, 60, 0.1);

        SpikeOutcome outcome = SpikeModel.cloudRun(new Spike(0, 100, 60, 60), scaling, new Instances(50, 3),
                Fixtures.BUSY);

        assertThat(Fixtures.instancesAt(outcome, 0)).isEqualTo(13);
        assertThat(Fixtures.instancesAt(outcome, 1)).isEqualTo(20);
        assertThat(Fixtures.instancesAt(outcome, 2)).isEqualTo(30);
        assertThat(Fixtures.instancesAt(outcome, 3)).isEqualTo(40);
        assertThat(Fixtures.instancesAt(outcome, 59)).isEqualTo(40);
        assertThat(outcome.maxQueued()).isCloseTo(400, within(1e-9));
        assertThat(outcome.maxWaitSeconds()).isEqualTo(4);
        assertThat(outcome.absorbedAtSecond()).isEqualTo(OptionalInt.of(4));
        assertThat(outcome.refused()).isZero();
    }

    @Test
    void cloudRunRefusesWhatPendsLongerThanTenSecondsAtMaxInstances() {
        // one instance at most, 25 a second from t = 1, against 100 a second for 4 s: each second's
        // arrivals take 4 s to serve; those of t = 3 get 25 served at t = 13, then have pended
        // 11 s > 10 (3.5 × a 0 s start is less): 75 refused (429)
        CloudRunScaling scaling = new CloudRunScaling(0, 1, 10, 0.6, 0.6, 60, 0.1);

        SpikeOutcome outcome = SpikeModel.cloudRun(new Spike(0, 100, 4, 30), scaling, new Instances(25, 0),
                Fixtures.BUSY);

        assertThat(outcome.served()).isCloseTo(325, within(1e-9));
        assertThat(outcome.refused()).isCloseTo(75, within(1e-9));
        assertThat(outcome.maxWaitSeconds()).isEqualTo(10);
        assertThat(outcome.absorbedAtSecond()).isEqualTo(OptionalInt.of(14));
    }

    @Test
    void cloudRunRequestsPendTenSecondsOrThreeAndAHalfStartsUpToCloudFrontsTimeout() {
        assertThat(SpikeModel.cloudRunPending(2).maxWaitSeconds()).isEqualTo(10);
        assertThat(SpikeModel.cloudRunPending(3.8).maxWaitSeconds()).isEqualTo(14);
        assertThat(SpikeModel.cloudRunPending(10).maxWaitSeconds()).isEqualTo(30);
        assertThat(SpikeModel.cloudRunPending(2).capacity(0)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aCloudRunInstanceServesNoMoreThanItsMaximumConcurrencyAllows() {
        // 10 at once, each for 0.5 s: 20 a second, though its CPU would take 100
        CloudRunScaling scaling = new CloudRunScaling(1, 1, 10, 0.6, 0.6, 60, 0.5);

        SpikeOutcome outcome = SpikeModel.cloudRun(new Spike(0, 30, 10, 10), scaling, new Instances(100, 0),
                Fixtures.BUSY);

        assertThat(outcome.timeline().getFirst().capacity()).isCloseTo(20, within(1e-9));
    }

    @Test
    void cloudRunWithNoTrafficStaysAtZeroAndCostsNothing() {
        SpikeOutcome outcome = SpikeModel.cloudRun(new Spike(0, 0, 0, 60), CloudRunScaling.stack(0.05),
                new Instances(200, 2), Fixtures.BUSY);

        assertThat(outcome.newInstances()).isZero();
        assertThat(outcome.usd()).isZero();
    }

    @Test
    void cloudRunSpendsTheCostModelsRequestBasedPrices() {
        // the first Cloud Run case priced by Runtimes.cloudRun: 1.1 vCPU and 1.0625 GiB at $0.000024 and
        // $0.0000025 = $0.00002905625 a billed second × 640, and ($0.40 Cloud Run + $1.00 CloudFront) a
        // million × 6,000; the e-mail worker's always-on instance is a fixed charge, left out
        RuntimeCost cost = Runtimes.cloudRun(new PodSize(1.1, 1.0625), new Capacity(40), 100, new PodSize(1, 0.5),
                new RequestProfile(0, 0, 0, 0));

        SpikeOutcome outcome = SpikeModel.cloudRun(new Spike(0, 100, 60, 60),
                new CloudRunScaling(0, 20, 10, 0.5, 0.6, 60, 0.1), new Instances(50, 2), cost);

        assertThat(outcome.runtime()).isEqualTo("cloudrun");
        assertThat(outcome.usd()).isCloseTo(640 * 0.00002905625 + 6_000 * 1.4e-6, within(1e-9));
    }
}
