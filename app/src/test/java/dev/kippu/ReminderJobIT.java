package dev.kippu;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.kippu.contract.AotRecipe;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuProcess;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.SentMail;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.local.StandInProcess;

/**
 * Job mode as a scheduler runs it: the job's entry point ({@code ReminderJobApplication}) of the
 * executable jar, and of the AOT recipe, as a process of its own, which ends with the job's status.
 * A running instance of the service sends the e-mails the job queued, as in a deployment.
 */
class ReminderJobIT {

    private static final String JOB = "dev.kippu.ReminderJobApplication";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static KippuProcess service;

    @BeforeAll
    static void startTheService() {
        service = KippuProcess.start("reminder-job-service", KippuStandIns.shared().properties());
    }

    @AfterAll
    static void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theJobQueuesTheDueRemindersAndExitsZero() throws Exception {
        assertTheJobRemindsAndExitsZero("Job process", settings -> KippuProcess.runToEnd(JOB, settings, PATIENCE));
    }

    @Test
    void theJobRunsTheSameWithTheAotRecipe() throws Exception {
        // Spring AOT fixed the bean definitions at build time, for a web application: job mode must still open no port and end by itself
        assertTheJobRemindsAndExitsZero("AOT job", settings -> KippuProcess.runToEnd(JOB, settings, PATIENCE, AotRecipe.runOptions(), AotRecipe.jar()));
    }

    @Test
    void aJobThatCannotReachItsTableExitsNonZero() {
        Map<String, String> unreachable = new HashMap<>(KippuStandIns.shared().properties());
        unreachable.put("kippu.aws.endpoints.dynamodb", "http://127.0.0.1:" + StandInProcess.freePort());
        unreachable.put("kippu.dynamodb.create-table", "false");
        unreachable.put("kippu.aws.max-attempts", "1");
        assertThat(KippuProcess.runToEnd(JOB, job(unreachable), PATIENCE)).isNotZero();
    }

    /** A booking of an event starting soon, the job run by {@code runJob}, and the reminder in SES. */
    private static void assertTheJobRemindsAndExitsZero(String titlePrefix, ToIntFunction<Map<String, String>> runJob) throws InterruptedException {
        TestUser organizer = TestUsers.organizer();
        TestUser holder = TestUsers.attendee();
        String title = titlePrefix + " " + UUID.randomUUID();
        KippuApi api = KippuApi.onLocalPort(service.port());
        String eventId = published(api.as(organizer), newEvent(title, 5, Instant.now().plus(3, ChronoUnit.HOURS)));
        api.as(holder).documentName("bookSeats").variable("input", booking(eventId, 1)).execute()
                .path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");

        assertThat(runJob.applyAsInt(job(KippuStandIns.shared().properties()))).isZero();

        assertThat(SentMail.await(mail -> mail.to().contains(holder.email()) && mail.subject().equals("Reminder: " + title + " starts soon"), 1,
                Duration.ofSeconds(30))).hasSize(1);
    }

    private static Map<String, String> job(Map<String, String> standIns) {
        Map<String, String> properties = new HashMap<>(standIns);
        properties.put("spring.profiles.active", "prod");
        return properties;
    }
}
