package dev.kippu.load.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.kippu.contract.KippuLauncher;

class TargetsTest {

    private static final Targets SHIPPED_WITH_NO_VARIABLES = shippedWith(Map.of());

    @Test
    void theLocalTargetsAreStartedHereAndTakeTheirUsersFromTheStandIns() {
        Target local = SHIPPED_WITH_NO_VARIABLES.named("local");
        Target aot = SHIPPED_WITH_NO_VARIABLES.named("local-aot");

        assertThat(local.launcher()).contains("jar");
        assertThat(aot.launcher()).contains("aot");
        assertThat(local.url()).isEmpty();
        assertThat(local.users()).isEqualTo(Target.Users.STAND_INS);
    }

    @Test
    void aCloudTargetTakesItsUrlFromItsVariable() {
        Target lambda = shippedWith(Map.of("KIPPU_LAMBDA_URL", "https://d123.cloudfront.net")).named("lambda");

        assertThat(lambda.url()).contains(URI.create("https://d123.cloudfront.net"));
        assertThat(lambda.launcher()).isEmpty();
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
                .withMessageStartingWith("no load-test target named 'locl'; there are [cloudrun, fargate, knative, lambda, lambda-mi, local, local-aot, local-container, local-lambda, stack]");
    }

    @Test
    void aTargetMustBeStartedHereOrReachedByUrlNotBoth() {
        Properties file = new Properties();
        file.putAll(Map.of("both.packaging", "x", "both.launcher", "jar", "both.url", "http://x", "both.users", "stand-ins",
                "neither.packaging", "x", "neither.users", "stand-ins"));
        Targets targets = new Targets(file, name -> null);

        assertThatIllegalArgumentException().isThrownBy(() -> targets.named("both")).withMessageContaining("not both");
        assertThatIllegalArgumentException().isThrownBy(() -> targets.named("neither")).withMessageContaining("not neither");
    }

    @Test
    void anUnknownUsersValueIsRefusedWithTheChoices() {
        Properties file = new Properties();
        file.putAll(Map.of("odd.packaging", "x", "odd.launcher", "jar", "odd.users", "everyone"));

        assertThatIllegalArgumentException().isThrownBy(() -> new Targets(file, name -> null).named("odd"))
                .withMessage("target 'odd' has users=everyone in targets.properties; one of [stand-ins, stack-file, deployed-pool]");
    }

    @Test
    void everyLocalTargetsLauncherIsOnTheClassPath() {
        List<String> localTargets = List.of("local", "local-aot", "local-lambda", "local-container");

        assertThat(localTargets.stream().map(SHIPPED_WITH_NO_VARIABLES::named).flatMap(target -> target.launcher().stream()))
                .hasSize(4).allSatisfy(launcher -> assertThat(KippuLauncher.named(launcher).name()).isEqualTo(launcher));
    }

    private static Targets shippedWith(Map<String, String> variables) {
        return Targets.shipped(variables::get);
    }
}
