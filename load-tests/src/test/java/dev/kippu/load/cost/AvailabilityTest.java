package dev.kippu.load.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AvailabilityTest {

    @Test
    void downtimeMatchesTheSeedsTable() {
        // the seed: a month of 2,592,000 s; 99.5 % → 216 min, 99.9 % → 43.2, 99.95 % → 21.6, 99.99 % → 4.32
        assertThat(Availability.EC2.monthlyDowntimeMinutes()).isCloseTo(216, within(1e-9));
        assertThat(Availability.CLOUDFRONT.monthlyDowntimeMinutes()).isCloseTo(43.2, within(1e-9));
        assertThat(Availability.LAMBDA.monthlyDowntimeMinutes()).isCloseTo(21.6, within(1e-9));
        assertThat(Availability.DYNAMODB.monthlyDowntimeMinutes()).isCloseTo(4.32, within(1e-9));
        assertThat(Availability.ROUTE_53.monthlyDowntimeMinutes()).isZero();
    }

    @Test
    void aPathIsTheProductOfItsHops() {
        // Lambda: 0.999 × 0.9995 × 0.9999 = 0.99840065 → 0.00159935 × 43,200 min = 69.09 min
        // Fargate: 0.999 × 0.9999 (ALB) × 0.9999 (Fargate) × 0.9999 = 0.99870033 → 56.15 min
        // GKE Autopilot: 0.999 × 0.999 × 0.9999 = 0.99790120 → 90.67 min
        assertThat(path("lambda-snapstart").availability()).isCloseTo(0.99840064995, within(1e-11));
        assertThat(path("lambda-snapstart").monthlyDowntimeMinutes()).isCloseTo(69.092, within(1e-3));
        assertThat(path("fargate").monthlyDowntimeMinutes()).isCloseTo(56.146, within(1e-3));
        assertThat(path("gke-autopilot").monthlyDowntimeMinutes()).isCloseTo(90.668, within(1e-3));
        assertThat(path("gke-autopilot").notCovered()).isNotEmpty();
        // an HTTP API adds its 99.95 %: 0.99840065 × 0.9995 → 90.66 min
        assertThat(Availability.behindHttpApi(path("lambda-native")).monthlyDowntimeMinutes())
                .isCloseTo(90.657, within(1e-3));
    }

    @Test
    void everyRuntimeHasAPathThroughCloudFrontToDynamoDb() {
        assertThat(Availability.requestPaths()).extracting(Availability.RequestPath::runtime)
                .containsExactly("lambda-snapstart", "lambda-native", "lambda-mi", "fargate", "eks",
                        "gke-autopilot", "knative-on-gke", "cloudrun");
        assertThat(Availability.requestPaths()).allSatisfy(path -> {
            assertThat(path.hops().getFirst()).isEqualTo(Availability.CLOUDFRONT);
            assertThat(path.hops().getLast()).isEqualTo(Availability.DYNAMODB);
        });
    }

    @Test
    void refusesAPercentageThatIsNotOne() {
        assertThatThrownBy(() -> new Availability.Sla("x", 100.5, "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 100]");
    }

    private static Availability.RequestPath path(String runtime) {
        return Availability.requestPaths().stream().filter(path -> path.runtime().equals(runtime)).findFirst()
                .orElseThrow();
    }
}
