package dev.kippu.booking.job;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kippu.KippuApplication;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.SentMail;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.local.StandInProcess;
import dev.kippu.support.ApiTest;

/** The reminder job as every scheduler runs it: the application in job mode, once, with an exit code. */
@ApiTest
class ReminderJobTest {

    @LocalServerPort
    int port;

    @Test
    void theJobQueuesDueRemindersAndExitsZero() throws Exception {
        TestUser organizer = TestUsers.organizer();
        TestUser holder = TestUsers.attendee();
        String title = "Job " + UUID.randomUUID();
        String eventId = published(KippuApi.onLocalPort(port).as(organizer), newEvent(title, 5, Instant.now().plus(2, ChronoUnit.HOURS)));
        KippuApi.onLocalPort(port).as(holder).documentName("bookSeats").variable("input", booking(eventId, 2)).execute()
                .path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");

        try (ConfigurableApplicationContext job = jobMode(KippuStandIns.shared().properties())) {
            assertThat(job.getBeansOfType(org.springframework.boot.web.server.WebServer.class)).isEmpty();
            assertThat(SpringApplication.exit(job)).isZero();
        }

        assertThat(SentMail.await(mail -> mail.to().contains(holder.email()) && mail.subject().startsWith("Reminder: " + title), 1,
                Duration.ofSeconds(15))).hasSize(1);
    }

    @Test
    void aJobThatCannotReachItsTableFails() {
        Map<String, String> unreachable = new HashMap<>(KippuStandIns.shared().properties());
        unreachable.put("kippu.aws.endpoints.dynamodb", "http://127.0.0.1:" + StandInProcess.freePort());
        unreachable.put("kippu.dynamodb.create-table", "false");
        unreachable.put("kippu.aws.max-attempts", "1");
        assertThatThrownBy(() -> jobMode(unreachable).close()).hasRootCauseInstanceOf(java.net.ConnectException.class);
    }

    /** The application as a scheduler starts it: command-line arguments. */
    private static ConfigurableApplicationContext jobMode(Map<String, String> standIns) {
        Stream<String> arguments = Stream.concat(standIns.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()),
                Stream.of("--spring.profiles.active=job", "--kippu.job=reminders"));
        return SpringApplication.run(KippuApplication.class, arguments.toArray(String[]::new));
    }
}
