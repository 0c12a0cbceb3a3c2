package dev.kippu.load.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final Targets SHIPPED_WITH_NO_VARIABLES = shippedWith(Map.of());

    @Test
    void theLocalTargetsAreStartedHereAndTakeTheirUsersFromTheStandIns() {
        Target local = SHIPPED_WITH_NO_VARIABLES.named("local");
        Target aot = SHIPPED_WITH_NO_VARIABLES.named("local-aot");

        assertThat(local.start()).contains(Target.Start.JAR);
        assertThat(aot.start()).contains(Target.Start.AOT_RECIPE);
        assertThat(local.url()).isEmpty();
        assertThat(local.users()).isEqualTo(Target.Users.STAND_INS);
    }

    @Test
    void aCloudTargetTakesItsUrlFromItsVariable() {
        Target lambda = shippedWith(Map.of("KIPPU_LAMBDA_URL", "https://d123.cloudfront.net")).named("lambda");

        assertThat(lambda.url()).contains(URI.create("https://d123.cloudfront.net"));
        assertThat(lambda.start()).isEmpty();
        assertThat(lambda.users()).isEqualTo(Target.Users.DEPLOYED_POOL);
    }

    @Test
    void aCloudTargetWithoutItsUrlIsRefusedNamingTheVariable() {
        assertThatIllegalArgumentException().isThrownBy(() -> SHIPPED_WITH_NO_VARIABLES.named("fargate"))
                .withMessage("target 'fargate' needs its base URL: -DKIPPU_FARGATE_URL=https://… or the environment variable KIPPU_FARGATE_URL");
    }

    @Test
    void everyTargetTheIssueNamesIsThere() {
        assertThat(SHIPPED_WITH_NO_VARIABLES.names()).contains("local", "local-aot", "lambda", "lambda-mi", "fargate", "knative", "cloudrun");
    }

    @Test
    void anUnknownTargetIsRefusedListingTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> SHIPPED_WITH_NO_VARIABLES.named("locl"))
                .withMessageStartingWith("no load-test target named 'locl'; there are [cloudrun, fargate, knative, lambda, lambda-mi, local, local-aot, stack]");
    }

    @Test
    void aTargetMustBeStartedHereOrReachedByUrlNotBoth() {
        Properties file = new Properties();
        file.putAll(Map.of("both.packaging", "x", "both.start", "jar", "both.url", "http://x", "both.users", "stand-ins",
                "neither.packaging", "x", "neither.users", "stand-ins"));
        Targets targets = new Targets(file, name -> null);

        assertThatIllegalArgumentException().isThrownBy(() -> targets.named("both")).withMessageContaining("not both");
        assertThatIllegalArgumentException().isThrownBy(() -> targets.named("neither")).withMessageContaining("not neither");
    }

    @Test
    void anUnknownStartOrUsersValueIsRefusedWithTheChoices() {
        Properties file = new Properties();
        file.putAll(Map.of("odd.packaging", "x", "odd.start", "war", "odd.users", "stand-ins"));

        assertThatIllegalArgumentException().isThrownBy(() -> new Targets(file, name -> null).named("odd"))
                .withMessage("target 'odd' has start=war in targets.properties; one of [jar, aot-recipe]");
    }

    private static Targets shippedWith(Map<String, String> variables) {
        return Targets.shipped(variables::get);
    }
}
