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

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.SentMail;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.local.StandInProcess;
import dev.kippu.support.ApiTest;

/** The reminder job's entry point, in this JVM: one run, its exit status, the service sending what it queued. */
@ApiTest
class ReminderJobApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void theJobQueuesDueRemindersAndReturnsZero() throws Exception {
        TestUser organizer = TestUsers.organizer();
        TestUser holder = TestUsers.attendee();
        String title = "Job " + UUID.randomUUID();
        String eventId = published(KippuApi.onLocalPort(port).as(organizer), newEvent(title, 5, Instant.now().plus(2, ChronoUnit.HOURS)));
        KippuApi.onLocalPort(port).as(holder).documentName("bookSeats").variable("input", booking(eventId, 2)).execute()
                .path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");

        assertThat(ReminderJobApplication.run(arguments(KippuStandIns.shared().properties()))).isZero();

        assertThat(SentMail.await(mail -> mail.to().contains(holder.email()) && mail.subject().startsWith("Reminder: " + title), 1,
                Duration.ofSeconds(15))).hasSize(1);
    }

    @Test
    void aJobThatCannotReachItsTableReturnsOne() {
        Map<String, String> unreachable = new HashMap<>(KippuStandIns.shared().properties());
        unreachable.put("kippu.aws.endpoints.dynamodb", "http://127.0.0.1:" + StandInProcess.freePort());
        unreachable.put("kippu.dynamodb.create-table", "false");
        unreachable.put("kippu.aws.max-attempts", "1");
        assertThat(ReminderJobApplication.run(arguments(unreachable))).isEqualTo(1);
    }

    /** As a scheduler passes them: command-line arguments. */
    private static String[] arguments(Map<String, String> properties) {
        return properties.entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
    }
}
