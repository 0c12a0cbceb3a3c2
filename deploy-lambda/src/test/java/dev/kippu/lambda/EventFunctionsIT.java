package dev.kippu.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;

import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.SentMail;
import dev.kippu.local.ContainerCredentialsStandIn;
import dev.kippu.local.LambdaStandIn;
import dev.kippu.local.StandInProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The e-mail and schedule functions as Lambda runs them (the zip's jars under the runtime interface
 * client with SnapStart, and under the native function's bootstrap loop), invoked with events as
 * Lambda sends them: an SQS batch with a poisoned message, a scheduler's event, an event of the
 * wrong shape.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = LambdaLauncher.Variant.class, names = {"SNAP_START", "NATIVE"})
class EventFunctionsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameter
    LambdaLauncher.Variant variant;

    private static ContainerCredentialsStandIn credentials;
    private static LambdaStandIn emails;
    private static LambdaStandIn schedule;
    private static StandInProcess emailFunction;
    private static StandInProcess scheduleFunction;

    @BeforeParameterizedClassInvocation
    static void startTheFunctions(LambdaLauncher.Variant variant) {
        LambdaLauncher launcher = new LambdaLauncher(variant);
        credentials = LambdaLauncher.credentialsEndpoint(KippuStandIns.shared().properties());
        emails = LambdaStandIn.start(Duration.ofSeconds(60));
        schedule = LambdaStandIn.start(Duration.ofSeconds(60));
        emailFunction = launcher.startFunction("emails", EmailQueueHandler.class, emails, KippuStandIns.shared().properties(), credentials);
        scheduleFunction = launcher.startFunction("schedule", ScheduleHandler.class, schedule, KippuStandIns.shared().properties(), credentials);
    }

    @AfterParameterizedClassInvocation
    static void stopTheFunctions() {
        scheduleFunction.close();
        emailFunction.close();
        schedule.close();
        emails.close();
        credentials.close();
    }

    @Test
    void aBatchWithAPoisonedMessageReportsOnlyThatOneSendsTheOtherAndNeverTwice() throws Exception {
        // a job and a recipient of this runtime's own: the other's run e-mailed the file's
        String recipient = "lambda-handler-test-" + variant.target + "@kippu.dev";
        String batch = event("sqs-two-messages.json").replace("lambda-test-booking", "lambda-test-booking-" + variant.target)
                .replace("lambda-handler-test@kippu.dev", recipient);

        JsonNode first = answer(emails.invoke(batch));
        JsonNode again = answer(emails.invoke(batch));

        assertThat(first.path("batchItemFailures").valueStream().map(failure -> failure.path("itemIdentifier").asString()))
                .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
        assertThat(again).isEqualTo(first);
        assertThat(SentMail.await(mail -> mail.to().contains(recipient), 1, Duration.ofSeconds(10)))
                .singleElement().satisfies(mail -> assertThat(mail.text()).contains("Handler Night"));
    }

    @Test
    void aScheduledEventRunsTheRemindersAndTheRelay() throws Exception {
        JsonNode summary = answer(schedule.invoke(event("scheduler.json")));

        assertThat(summary.asString()).matches("\\d+ reminders queued, \\d+ e-mail jobs relayed");
    }

    @Test
    void anEventOfTheWrongShapeFailsItsInvocationOnly() throws Exception {
        LambdaStandIn.Outcome wrong = schedule.invoke("[\"not\", \"a\", \"scheduler event\"]");
        JsonNode next = answer(schedule.invoke(event("scheduler.json")));

        assertThat(wrong).isInstanceOf(LambdaStandIn.Outcome.Failed.class);
        assertThat(next.asString()).matches("\\d+ reminders queued, \\d+ e-mail jobs relayed");
    }

    private static JsonNode answer(LambdaStandIn.Outcome outcome) {
        assertThat(outcome).isInstanceOf(LambdaStandIn.Outcome.Answered.class);
        return JSON.readTree(((LambdaStandIn.Outcome.Answered) outcome).payload());
    }

    private static String event(String name) throws Exception {
        return new ClassPathResource("events/" + name).getContentAsString(StandardCharsets.UTF_8);
    }
}
