package dev.kippu.load.spike;

import org.junit.jupiter.api.Test;

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
}
