package dev.kippu.load.spike;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class LambdaSimulationTest {

    // 1,000 environments at once, then 100 a second; 2 s init; 50 ms a request (20 a second each)
    private static final LambdaScaling HIGH_LIMIT = new LambdaScaling(1_000, 100, 10_000, 2, 0.05);

    @Test
    void scalingRateAbsorbsThreeThousandConcurrentAfterTwentySecondsOfAllowancePlusTheColdStart() {
        // 60,000 req/s × 0.05 s = 3,000 concurrent. Started at t: 1,000 at 0, then 100 a second, each
        // ready 1 + 2 s later: ready(t) = 1,000 + 100 (t − 3), ≥ 3,000 at t = 23 (the brief's "1,000 per
        // 10 s" read continuously, as the documentation says it is refilled, and from a full allowance).
        SpikeOutcome outcome = SpikeModel.lambda(new Spike(0, 60_000, 60, 60), HIGH_LIMIT, Fixtures.LAMBDA);

        assertThat(outcome.absorbedAtSecond()).isEqualTo(OptionalInt.of(23));
        // starts at t = 0..22: 1,000 + 22 × 100
        assertThat(outcome.newInstances()).isEqualTo(3_200);
        // throttled: t0 59,000; t1, t2 59,900 each; t3..22: 39,900 − 2,000 k for k = 0..19 → 418,000
        assertThat(outcome.refused()).isCloseTo(596_800, within(1e-6));
        assertThat(outcome.served()).isCloseTo(3_600_000 - 596_800, within(1e-6));
        assertThat(outcome.maxQueued()).isZero();
        assertThat(outcome.maxWaitSeconds()).isEqualTo(2);
        // 3,003,200 × ($0.000001 + $0.00005) + 3,200 inits × 2 s × $0.001
        assertThat(outcome.usd()).isCloseTo(153.1632 + 6.4, within(1e-9));
    }

    @Test
    void theAccountLimitThrottlesForGoodWhenDemandExceedsIt() {
        LambdaScaling accountDefault = LambdaScaling.stack(2, 0.05);

        SpikeOutcome outcome = SpikeModel.lambda(new Spike(0, 60_000, 60, 60), accountDefault, Fixtures.LAMBDA);

        assertThat(outcome.newInstances()).isEqualTo(1_000);
        assertThat(outcome.absorbedAtSecond()).isEmpty();
        // from t = 3 on, 1,000 environments serve 20,000 a second of the 60,000
        assertThat(outcome.timeline().get(59).refused()).isCloseTo(40_000, within(1e-6));
    }

    @Test
    void demandTheWarmEnvironmentsCoverNeedsNoColdStart() {
        // 100 req/s × 0.05 s = 5 environments warm before; the spike adds nothing
        SpikeOutcome outcome = SpikeModel.lambda(new Spike(100, 0, 0, 30), HIGH_LIMIT, Fixtures.LAMBDA);

        assertThat(outcome.newInstances()).isZero();
        assertThat(outcome.refused()).isZero();
        assertThat(outcome.served()).isCloseTo(3_000, within(1e-9));
        assertThat(outcome.absorbedAtSecond()).isEqualTo(OptionalInt.of(0));
        assertThat(outcome.maxWaitSeconds()).isZero();
    }

    @Test
    void refusesACostThatIsNotBilledPerRequestAndBadScaling() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> SpikeModel.lambda(new Spike(0, 10, 10, 10), HIGH_LIMIT, Fixtures.FLEET));
        assertThatIllegalArgumentException().isThrownBy(() -> new LambdaScaling(0, 100, 1_000, 1, 0.05));
        assertThatIllegalArgumentException().isThrownBy(() -> new LambdaScaling(1_000, 100, 1_000, -1, 0.05));
        assertThatIllegalArgumentException().isThrownBy(() -> new LambdaScaling(1_000, 100, 1_000, 1, 0));
    }
}
