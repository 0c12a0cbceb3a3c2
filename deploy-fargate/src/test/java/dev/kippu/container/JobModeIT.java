package dev.kippu.container;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.SentMail;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;

/**
 * Job mode as the schedulers run it (an ECS scheduled task, a CronJob): the same image with the
 * reminder job's main class as its command, which ends by itself with the job's status. A running
 * service sends the e-mails the job queued, as in a deployment.
 */
class JobModeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void theImageRunsTheReminderJobAndExitsZero() throws Exception {
        TestUser organizer = TestUsers.organizer();
        TestUser holder = TestUsers.attendee();
        String title = "Job in the image " + UUID.randomUUID();
        try (KippuContainer service = KippuImage.built().withSettings(KippuStandIns.shared().properties()).startService()) {
            KippuApi api = KippuApi.at(service.baseUrl());
            String eventId = published(api.as(organizer), newEvent(title, 5, Instant.now().plus(3, ChronoUnit.HOURS)));
            api.as(holder).documentName("bookSeats").variable("input", booking(eventId, 1)).execute()
                    .path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");

            KippuContainer.Ended job = KippuImage.built().withSettings(KippuStandIns.shared().properties())
                    .withEnvironment("SPRING_PROFILES_ACTIVE", "prod").withCommand("dev.kippu.ReminderJobApplication").runToEnd(PATIENCE);

            assertThat(job.exitStatus()).as(job.logs()).isZero();
            assertThat(job.logs()).contains("Starting AOT-processed KippuApplication", "profiles are active: \\\"job\\\"");
            assertThat(SentMail.await(mail -> mail.to().contains(holder.email()) && mail.subject().equals("Reminder: " + title + " starts soon"), 1,
                    Duration.ofSeconds(30))).hasSize(1);
        }
    }
}
