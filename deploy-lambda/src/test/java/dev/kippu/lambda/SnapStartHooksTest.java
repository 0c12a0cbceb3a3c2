package dev.kippu.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * SnapStart's hooks in process, called as Lambda's runtime calls them around the snapshot: every
 * priming step goes its whole way before it, and Kippu serves as before after the restore.
 */
class SnapStartHooksTest {

    @Test
    void primingRunsEveryStepAsExpectedAndKippuServesAfterTheRestore() throws Exception {
        InProcessLambda.handler();
        SnapStartHooks hooks = new SnapStartHooks(LambdaKippu.ADAPTER);

        var primed = hooks.prime();
        hooks.afterRestore(null);

        assertThat(primed).extracting(SnapStartHooks.Primed::what).containsExactly(
                "the GraphQL path, anonymous, to DynamoDB", "token validation against the pool's signing keys", "the SQS client", "the S3 client");
        assertThat(primed).allSatisfy(step -> assertThat(step.asExpected()).as(step.toString()).isTrue());
        assertThat(primed.get(0).outcome()).isEqualTo("HTTP 200");
        assertThat(primed.get(1).outcome()).isEqualTo("HTTP 401");
        assertThat(InProcessLambda.invoke(HttpHandlerTest.event("http-api-graphql.json")).path("statusCode").asInt()).isEqualTo(200);
    }
}
