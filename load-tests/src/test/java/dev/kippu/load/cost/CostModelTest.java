package dev.kippu.load.cost;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** Crossovers solved by the model against ones solved by hand. */
class CostModelTest {

    private static final RequestProfile NOTHING_BUT_REQUESTS = new RequestProfile(0, 0, 0, 0);

    @Test
    void lambdaAndFargateMeetWhereTheLinesCross() {
        // Lambda: (0.20 + 0.266668 + CloudFront 1.00) $/M × 2,592,000 s = $3.80160346 a month per req/s
        // Fargate with 100 req/s tasks (2 of them up to 200 req/s): 52.20 + 28.44 + 2.592 × rate
        // equal where 1.20960346 × rate = 80.64 → rate = 66.6665 req/s, inside the first step
        // past 200 req/s a task adds $14.22 per 100 req/s while Lambda adds $120.96: no second meeting
        RuntimeCost lambda = Runtimes.lambdaSnapStart(new LambdaFunction(1024, Architecture.ARM64, 20),
                FrontDoor.FUNCTION_URL, NOTHING_BUT_REQUESTS);
        RuntimeCost fargate = Runtimes.fargate(new PodSize(0.5, 1), Architecture.ARM64,
                new Scaling(new Capacity(100), 2), new AwsNetwork(1, 0), NOTHING_BUT_REQUESTS);

        List<Crossover> crossovers = CostModel.crossovers(lambda, fargate, 1_000);

        assertThat(crossovers).singleElement().satisfies(crossover -> {
            assertThat(crossover.cheaperBelow()).isEqualTo("lambda-snapstart");
            assertThat(crossover.cheaperAbove()).isEqualTo("fargate");
            assertThat(crossover.kind()).isEqualTo(Crossover.Kind.INTERSECTION);
            assertThat(crossover.requestsPerSecond()).isCloseTo(66.6665, within(1e-3));
        });
        // the same pair the other way round names the same runtimes
        assertThat(CostModel.crossovers(fargate, lambda, 1_000)).extracting(Crossover::cheaperBelow)
                .containsExactly("lambda-snapstart");
    }

    @Test
    void instanceStepsMakeTheCheaperRuntimeSwapBackAndForth() {
        // instances: $100 a month each, 10 req/s each, at least 1 → 100 × max(1, ceil(rate / 10))
        // per request: $12 a month per req/s
        // (0, 10]:  100 vs 12r, equal at 8.333 (per request cheaper below)
        // at 10:    100 < 120, just above 200 > 120              → step
        // (10, 20]: 200 = 12r at 16.667; at 20+: 300 > 240          → step
        // (20, 30]: 300 = 12r at 25;     at 30+: 400 > 360          → step
        // (30, 40]: 400 = 12r at 33.333; at 40+: 500 > 480          → step
        // (40, 50]: 500 = 12r at 41.667; at 50+: 600 = 600, then 12r is dearer: no more changes
        RuntimeCost instances = new RuntimeCost("instances",
                new Compute.InstanceFleet("instance", 100.0 / 720, new Capacity(10), 1), List.of(), List.of());
        RuntimeCost perRequest = new RuntimeCost("per-request",
                new Compute.PerRequest("request", 12 / CostModel.SECONDS_PER_MONTH), List.of(), List.of());

        List<Crossover> crossovers = CostModel.crossovers(instances, perRequest, 100);

        assertThat(crossovers).extracting(Crossover::requestsPerSecond)
                .usingElementComparator((x, y) -> Math.abs(x - y) < 1e-9 ? 0 : Double.compare(x, y))
                .containsExactly(100.0 / 12, 10.0, 200.0 / 12, 20.0, 25.0, 30.0, 400.0 / 12, 40.0, 500.0 / 12);
        assertThat(crossovers).extracting(Crossover::kind, Crossover::cheaperBelow).containsExactly(
                tuple(Crossover.Kind.INTERSECTION, "per-request"), tuple(Crossover.Kind.STEP, "instances"),
                tuple(Crossover.Kind.INTERSECTION, "per-request"), tuple(Crossover.Kind.STEP, "instances"),
                tuple(Crossover.Kind.INTERSECTION, "per-request"), tuple(Crossover.Kind.STEP, "instances"),
                tuple(Crossover.Kind.INTERSECTION, "per-request"), tuple(Crossover.Kind.STEP, "instances"),
                tuple(Crossover.Kind.INTERSECTION, "per-request"));
    }

    @Test
    void aRateThatIsExactlyKInstancesWorthNeedsKInstances() {
        // 3 × 0.1 is 0.30000000000000004 in floating point: still three instances, not four
        Compute.InstanceFleet fleet = new Compute.InstanceFleet("instance", 1, new Capacity(0.1), 0);

        assertThat(fleet.instances(3 * 0.1)).isEqualTo(3);
        assertThat(fleet.instances(0.30001)).isEqualTo(4);
        assertThat(fleet.instances(0)).isZero();
    }

    @Test
    void aRuntimeThatIsAlwaysCheaperHasNoCrossover() {
        // the same function on x86 costs $0.0000033333 more per GB-s at every rate
        RuntimeCost arm = Runtimes.lambdaNative(new LambdaFunction(1024, Architecture.ARM64, 20),
                FrontDoor.FUNCTION_URL, NOTHING_BUT_REQUESTS);
        RuntimeCost x86 = Runtimes.lambdaNative(new LambdaFunction(1024, Architecture.X86_64, 20),
                FrontDoor.FUNCTION_URL, NOTHING_BUT_REQUESTS);

        assertThat(CostModel.crossovers(arm, x86, 10_000)).isEmpty();
        assertThat(CostModel.crossovers(arm, arm, 10_000)).isEmpty();
    }

    @Test
    void aCrossoverBeyondTheRangeIsNotReported() {
        // the Lambda/Fargate meeting at 66.7 req/s lies outside (0, 50]
        RuntimeCost lambda = Runtimes.lambdaSnapStart(new LambdaFunction(1024, Architecture.ARM64, 20),
                FrontDoor.FUNCTION_URL, NOTHING_BUT_REQUESTS);
        RuntimeCost fargate = Runtimes.fargate(new PodSize(0.5, 1), Architecture.ARM64,
                new Scaling(new Capacity(100), 2), new AwsNetwork(1, 0), NOTHING_BUT_REQUESTS);

        assertThat(CostModel.crossovers(lambda, fargate, 50)).isEmpty();
    }

    @Test
    void theTableHasEveryPairOnce() {
        RuntimeCost lambda = Runtimes.lambdaNative(new LambdaFunction(1024, Architecture.ARM64, 20),
                FrontDoor.FUNCTION_URL, NOTHING_BUT_REQUESTS);
        RuntimeCost fargate = RuntimesTest.kippuFargate(NOTHING_BUT_REQUESTS);
        RuntimeCost gke = Runtimes.gkeAutopilot(new PodSize(1, 1), new Scaling(new Capacity(20), 2),
                NOTHING_BUT_REQUESTS);

        assertThat(CostModel.crossoverTable(List.of(lambda, fargate, gke), 100))
                .extracting(CostModel.PairCrossovers::first, CostModel.PairCrossovers::second)
                .containsExactly(tuple("lambda-native", "fargate"), tuple("lambda-native", "gke-autopilot"),
                        tuple("fargate", "gke-autopilot"));
    }

    @Test
    void refusesARangeItCannotSolve() {
        RuntimeCost fargate = RuntimesTest.kippuFargate(NOTHING_BUT_REQUESTS);

        assertThatThrownBy(() -> CostModel.crossovers(fargate, fargate, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upToRequestsPerSecond");
        // 12 req/s tasks up to 100 million req/s would be 8 million steps
        assertThatThrownBy(() -> CostModel.crossovers(fargate, fargate, 1e8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too wide");
    }
}
