package dev.kippu.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.SentMail;
import dev.kippu.local.LambdaStandIn;
import dev.kippu.local.StandInProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The e-mail and schedule functions as Lambda runs them (the zip's jars under the runtime interface
 * client), invoked with events as Lambda sends them: an SQS batch with a poisoned message, a
 * scheduler's event.
 */
class EventFunctionsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LambdaLauncher LAUNCHER = new LambdaLauncher();

    private static LambdaStandIn emails;
    private static LambdaStandIn schedule;
    private static StandInProcess emailFunction;
    private static StandInProcess scheduleFunction;

    @BeforeAll
    static void startTheFunctions() {
        emails = LambdaStandIn.start(Duration.ofSeconds(60));
        schedule = LambdaStandIn.start(Duration.ofSeconds(60));
        emailFunction = LAUNCHER.startFunction("emails", EmailQueueHandler.class, emails, KippuStandIns.shared().properties());
        scheduleFunction = LAUNCHER.startFunction("schedule", ScheduleHandler.class, schedule, KippuStandIns.shared().properties());
    }

    @AfterAll
    static void stopTheFunctions() {
        scheduleFunction.close();
        emailFunction.close();
        schedule.close();
        emails.close();
    }

    @Test
    void aBatchWithAPoisonedMessageReportsOnlyThatOneSendsTheOtherAndNeverTwice() throws Exception {
        String batch = event("sqs-two-messages.json");

        JsonNode first = answer(emails.invoke(batch));
        JsonNode again = answer(emails.invoke(batch));

        assertThat(first.path("batchItemFailures").valueStream().map(failure -> failure.path("itemIdentifier").asString()))
                .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
        assertThat(again).isEqualTo(first);
        assertThat(SentMail.await(mail -> mail.to().contains("lambda-handler-test@kippu.dev"), 1, Duration.ofSeconds(10)))
                .singleElement().satisfies(mail -> assertThat(mail.text()).contains("Handler Night"));
    }

    @Test
    void aScheduledEventRunsTheRemindersAndTheRelay() throws Exception {
        JsonNode summary = answer(schedule.invoke(event("scheduler.json")));

        assertThat(summary.asString()).matches("\\d+ reminders queued, \\d+ e-mail jobs relayed");
    }

    private static JsonNode answer(LambdaStandIn.Outcome outcome) {
        assertThat(outcome).isInstanceOf(LambdaStandIn.Outcome.Answered.class);
        return JSON.readTree(((LambdaStandIn.Outcome.Answered) outcome).payload());
    }

    private static String event(String name) throws Exception {
        return new ClassPathResource("events/" + name).getContentAsString(StandardCharsets.UTF_8);
    }
}
