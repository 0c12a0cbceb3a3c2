package dev.kippu.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * SnapStart's hooks in process, called as Lambda's runtime calls them around the snapshot: each
 * function's priming steps go their whole way before it, and Kippu serves as before after the restore.
 */
class SnapStartHooksTest {

    @Test
    void primingRunsEveryStepAsExpectedAndKippuServesAfterTheRestore() throws Exception {
        InProcessLambda.handler();
        SnapStartHooks hooks = new SnapStartHooks(LambdaKippu.adapter());

        var http = hooks.prime(HttpHandler.class.getName() + "::handleRequest");
        var schedule = hooks.prime(ScheduleHandler.class.getName() + "::handleRequest");
        var emails = hooks.prime(EmailQueueHandler.class.getName() + "::handleRequest");
        hooks.afterRestore(null);

        assertThat(http).extracting(SnapStartHooks.Primed::what).containsExactly(
                "the GraphQL path, anonymous, to DynamoDB", "the bearer-token path, a malformed token refused", "the S3 client");
        assertThat(http.get(0).outcome()).isEqualTo("HTTP 200");
        assertThat(http.get(1).outcome()).isEqualTo("HTTP 401");
        assertThat(schedule).extracting(SnapStartHooks.Primed::what).containsExactly("the SQS client");
        assertThat(emails).isEmpty();
        assertThat(http).allSatisfy(step -> assertThat(step.asExpected()).as(step.toString()).isTrue());
        assertThat(schedule).allSatisfy(step -> assertThat(step.asExpected()).as(step.toString()).isTrue());
        assertThat(InProcessLambda.invoke(HttpHandlerTest.event("http-api-graphql.json")).path("statusCode").asInt()).isEqualTo(200);
    }
}
