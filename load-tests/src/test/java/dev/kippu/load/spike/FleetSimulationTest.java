package dev.kippu.load.spike;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class FleetSimulationTest {

    // one instance of 10 req/s, never more
    private static final ManagedInstancesScaling ONE = new ManagedInstancesScaling(1, 1, 10, 300);
    private static final Instances TEN_A_SECOND = new Instances(10, 0);
    private static final Charges FREE = new Charges(0, 0);

    @Test
    void requestsThatWaitLongerThanTheBufferAllowsAreRefused() {
        // 20 req/s for 3 s into 10 req/s, waits of up to 2 s: the last 10 of second 2's arrivals,
        // still waiting at the end of second 4 (3 s), time out
        SpikeOutcome outcome = FleetSimulation.run("one", new Spike(0, 20, 3, 10), ONE, TEN_A_SECOND,
                new Buffer(0, 1_000, 2), FREE);

        assertThat(outcome.served()).isCloseTo(50, within(1e-9));
        assertThat(outcome.refused()).isCloseTo(10, within(1e-9));
        assertThat(outcome.maxQueued()).isCloseTo(30, within(1e-9));
        assertThat(outcome.maxWaitSeconds()).isEqualTo(2);
        assertThat(outcome.absorbedAtSecond()).isEqualTo(OptionalInt.of(5));
    }

    @Test
    void aFullBufferRefusesTheNewestRequests() {
        // buffer of 5: each second 10 served, 5 kept, the rest refused; the last 5 served in second 3
        SpikeOutcome outcome = FleetSimulation.run("one", new Spike(0, 20, 3, 10), ONE, TEN_A_SECOND,
                new Buffer(0, 5, 100), FREE);

        assertThat(outcome.served()).isCloseTo(35, within(1e-9));
        assertThat(outcome.refused()).isCloseTo(25, within(1e-9));
        assertThat(outcome.maxQueued()).isCloseTo(5, within(1e-9));
    }

    @Test
    void noBufferRefusesWhatCapacityCannotTakeAtOnce() {
        SpikeOutcome outcome = FleetSimulation.run("one", new Spike(0, 25, 4, 4), ONE, TEN_A_SECOND, Buffer.NONE,
                FREE);

        assertThat(outcome.refused()).isCloseTo(60, within(1e-9));
        assertThat(outcome.maxQueued()).isZero();
        assertThat(outcome.absorbedAtSecond()).isEmpty();
    }

    @Test
    void badInputsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Spike(-1, 10, 10, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new Spike(0, Double.NaN, 10, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new Spike(0, 10, 20, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new Spike(0, 10, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Instances(0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Instances(10, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Buffer(-1, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ManagedInstancesScaling(3, 2, 10, 300));
        assertThatIllegalArgumentException().isThrownBy(() -> new EcsScaling(0, 8, 1_000, 60, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> new HpaScaling(2, 10, 15, 15, 0, 100, 100, 4, 0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new KpaScaling(0, 50, 50, 0.7, 5, 10, 200, 0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new CloudRunScaling(0, 50, 0, 0.6, 0.6, 60, 0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new CloudRunScaling(0, 50, 1_001, 0.6, 0.6, 60, 0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new CloudRunScaling(0, 50, 100, 0, 0.6, 60, 0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new CloudRunScaling(0, 50, 100, 0.6, 0.6, 60, 0));
    }
}
