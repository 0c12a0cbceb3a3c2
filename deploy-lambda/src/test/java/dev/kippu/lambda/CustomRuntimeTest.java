package dev.kippu.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kippu.local.LambdaStandIn;

/**
 * The native function's bootstrap loop against the Runtime API (its stand-in), with handlers of
 * the test's own: what it makes of their answers, their failures and an answer too large.
 */
class CustomRuntimeTest {

    private final LambdaStandIn lambda = LambdaStandIn.start(Duration.ofSeconds(5));
    private final CustomRuntime runtime = new CustomRuntime(lambda.runtimeApiAddress());
    private final List<InvocationContext> contexts = new ArrayList<>();
    private Thread loop;

    @AfterEach
    void stop() throws InterruptedException {
        lambda.close();
        if (loop != null) {
            loop.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void eachInvocationIsAnsweredWithTheHandlersResponseAndItsOwnContext() {
        serve((event, context) -> {
            contexts.add(context);
            return ("{\"echo\":" + new String(event, StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
        });

        LambdaStandIn.Outcome first = lambda.invoke("{\"n\":1}");
        LambdaStandIn.Outcome second = lambda.invoke("{\"n\":2}");

        assertThat(((LambdaStandIn.Outcome.Answered) first).text()).isEqualTo("{\"echo\":{\"n\":1}}");
        assertThat(((LambdaStandIn.Outcome.Answered) second).text()).isEqualTo("{\"echo\":{\"n\":2}}");
        assertThat(contexts).extracting(InvocationContext::getAwsRequestId).doesNotHaveDuplicates().allMatch(id -> !id.isBlank());
        assertThat(contexts).allSatisfy(context -> {
            assertThat(context.getInvokedFunctionArn()).isEqualTo(LambdaStandIn.FUNCTION_ARN);
            assertThat(context.getRemainingTimeInMillis()).isBetween(1, 5_000);
            assertThat(context.getXrayTraceId()).startsWith("Root=1-");
        });
    }

    @Test
    void aHandlerThatThrowsFailsOnlyItsInvocationWithTheErrorsType() {
        serve((event, context) -> {
            if (new String(event, StandardCharsets.UTF_8).contains("poison")) {
                throw new IllegalStateException("poisoned");
            }
            return "\"fine\"".getBytes(StandardCharsets.UTF_8);
        });

        LambdaStandIn.Outcome poisoned = lambda.invoke("{\"poison\":true}");
        LambdaStandIn.Outcome next = lambda.invoke("{}");

        assertThat(poisoned).isInstanceOfSatisfying(LambdaStandIn.Outcome.Failed.class, failed -> {
            assertThat(failed.errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(failed.error()).contains("\"errorMessage\":\"poisoned\"").contains("stackTrace");
        });
        assertThat(next).isInstanceOfSatisfying(LambdaStandIn.Outcome.Answered.class, answered -> assertThat(answered.text()).isEqualTo("\"fine\""));
    }

    @Test
    void aResponseOverSixMegabytesFailsItsInvocationAndTheLoopGoesOn() {
        serve((event, context) -> new String(event, StandardCharsets.UTF_8).contains("big")
                ? ("\"" + "x".repeat(LambdaStandIn.MAX_RESPONSE_BYTES) + "\"").getBytes(StandardCharsets.UTF_8)
                : "\"small\"".getBytes(StandardCharsets.UTF_8));

        LambdaStandIn.Outcome big = lambda.invoke("{\"big\":true}");
        LambdaStandIn.Outcome small = lambda.invoke("{}");

        assertThat(big).isInstanceOfSatisfying(LambdaStandIn.Outcome.Failed.class,
                failed -> assertThat(failed.errorType()).isEqualTo("Function.ResponseSizeTooLarge"));
        assertThat(small).isInstanceOfSatisfying(LambdaStandIn.Outcome.Answered.class, answered -> assertThat(answered.text()).isEqualTo("\"small\""));
    }

    @Test
    void aHandlerNameOfNoHandlerIsReportedAsTheInitsError() {
        assertThat(runtime.init("dev.kippu.lambda.NoSuchHandler::handleRequest")).isEmpty();

        assertThat(lambda.initError()).hasValueSatisfying(error -> assertThat(error)
                .contains("IllegalArgumentException").contains("_HANDLER names no handler of this function"));
        assertThat(lambda.invoke("{}")).isInstanceOf(LambdaStandIn.Outcome.Failed.class);
    }

    private void serve(CustomRuntime.Handler handler) {
        // ends when the stand-in closes: the Runtime API can no longer be reached
        loop = Thread.ofVirtual().name("custom-runtime").start(() -> runtime.serve(handler));
    }
}
