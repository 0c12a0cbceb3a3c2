package dev.kippu.notification;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.kippu.booking.Reminders;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.SentMail;
import dev.kippu.contract.SentMail.Mail;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.support.ApiTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each e-mail goes out once although the queue delivers a job twice and reminder runs overlap:
 * white-box, as it sends a job to the queue itself and runs the reminders in this JVM.
 */
@ApiTest
class EmailedOnceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    Reminders reminders;

    @Autowired
    JsonMapper json;

    KippuApi api() {
        return KippuApi.onLocalPort(port);
    }

    @Test
    void aJobDeliveredTwiceByTheQueueIsEMailedOnce() throws Exception {
        String recipient = "twice-" + UUID.randomUUID() + "@example.test";
        EmailJob job = new EmailJob("booking-" + UUID.randomUUID() + "-BOOKING_CONFIRMED", EmailKind.BOOKING_CONFIRMED, "b", 1,
                recipient, "Twice", Locale.ENGLISH, "Duplicates", "Hall", Instant.now().plus(1, ChronoUnit.DAYS), null);
        var sqs = KippuStandIns.shared().sqs();
        String queueUrl = sqs.getQueueUrl(r -> r.queueName("kippu-emails")).queueUrl();
        String body = json.writeValueAsString(job.fields());
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));

        assertThat(SentMail.await(mail -> mail.to().contains(recipient), 1, PATIENCE)).hasSize(1);
        Thread.sleep(3_000);
        assertThat(SentMail.to(recipient)).hasSize(1);
    }

    @Test
    void remindersGoOutOncePerBookingEvenWhenRunsOverlap() throws Exception {
        TestUser organizer = TestUsers.organizer();
        String soon = "Tonight " + UUID.randomUUID();
        String later = "Next week " + UUID.randomUUID();
        String soonId = published(api().as(organizer), newEvent(soon, 10, Instant.now().plus(12, ChronoUnit.HOURS)));
        String laterId = published(api().as(organizer), newEvent(later, 10, Instant.now().plus(3, ChronoUnit.DAYS)));
        List<TestUser> holders = List.of(TestUsers.attendee(), TestUsers.attendee(), TestUsers.attendee());
        for (TestUser holder : holders) {
            api().as(holder).documentName("bookSeats").variable("input", booking(soonId, 1)).execute().path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
            api().as(holder).documentName("bookSeats").variable("input", booking(laterId, 1)).execute().path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
        }

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(reminders::queueDue);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(reminders::queueDue);
        assertThat(first.get() + second.get()).isGreaterThanOrEqualTo(holders.size());
        reminders.queueDue();

        assertThat(SentMail.await(mail -> mail.subject().equals("Reminder: " + soon + " starts soon"), 3, PATIENCE))
                .flatExtracting(Mail::to).containsExactlyInAnyOrderElementsOf(holders.stream().map(TestUser::email).toList());
        Thread.sleep(2_000);
        assertThat(SentMail.all()).filteredOn(mail -> mail.subject().contains(soon) && mail.subject().startsWith("Reminder")).hasSize(3);
        assertThat(SentMail.all()).filteredOn(mail -> mail.subject().contains(later) && mail.subject().startsWith("Reminder")).isEmpty();
    }
}
