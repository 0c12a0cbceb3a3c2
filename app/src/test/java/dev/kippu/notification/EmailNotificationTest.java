package dev.kippu.notification;

import static dev.kippu.support.EventInputs.booking;
import static dev.kippu.support.EventInputs.newEvent;
import static dev.kippu.support.EventInputs.published;
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
import dev.kippu.support.ApiTest;
import dev.kippu.support.KippuApi;
import dev.kippu.support.KippuStandIns;
import dev.kippu.support.SentMail;
import dev.kippu.support.SentMail.Mail;
import dev.kippu.support.TestUsers;
import dev.kippu.support.TestUsers.TestUser;
import tools.jackson.databind.json.JsonMapper;

/** E-mails that bookings, cancellations and reminders send, through the outbox, SQS and SES stand-ins. */
@ApiTest
class EmailNotificationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    Reminders reminders;

    @Autowired
    JsonMapper json;

    KippuApi api() {
        return KippuApi.forLocalPort(port);
    }

    @Test
    void aBookingIsConfirmedByEMailInTheBuyersLanguage() throws Exception {
        TestUser organizer = TestUsers.organizer();
        String title = "Confirmation " + UUID.randomUUID();
        String eventId = published(api().as(organizer), newEvent(title, 10, Instant.now().plus(10, ChronoUnit.DAYS)));
        TestUser english = TestUsers.attendee();
        TestUser japanese = TestUsers.attendeeSpeaking("ja");
        api().as(english).documentName("bookSeats").variable("input", booking(eventId, 2)).execute().path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
        api().as(japanese).documentName("bookSeats").variable("input", booking(eventId, 1)).execute().path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");

        Mail toEnglish = SentMail.await(mail -> mail.to().contains(english.email()), 1, PATIENCE).getFirst();
        assertThat(toEnglish.subject()).isEqualTo("Your booking for " + title + " is confirmed");
        assertThat(toEnglish.text()).contains("you have 2 seat(s)", "Budokan, Tokyo");
        assertThat(toEnglish.html()).startsWith("<!DOCTYPE html>").contains("<p>Hello " + english.displayName() + ",</p>");
        Mail toJapanese = SentMail.await(mail -> mail.to().contains(japanese.email()), 1, PATIENCE).getFirst();
        assertThat(toJapanese.subject()).isEqualTo(title + " のご予約が確定しました");
        assertThat(toJapanese.text()).contains("1 席");
    }

    @Test
    void cancellationsAreAnnouncedToEachHolder() throws Exception {
        TestUser organizer = TestUsers.organizer();
        String title = "Cancelled " + UUID.randomUUID();
        String eventId = published(api().as(organizer), newEvent(title, 10, Instant.now().plus(10, ChronoUnit.DAYS)));
        TestUser changedMind = TestUsers.attendee();
        TestUser stayed = TestUsers.attendee();
        String bookingId = api().as(changedMind).documentName("bookSeats").variable("input", booking(eventId, 1)).execute()
                .path("bookSeats.id").entity(String.class).get();
        api().as(stayed).documentName("bookSeats").variable("input", booking(eventId, 3)).execute().path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
        api().as(changedMind).documentName("cancelBooking").variable("id", bookingId).execute().path("cancelBooking.status").entity(String.class).isEqualTo("CANCELLED");
        api().as(organizer).documentName("cancelEvent").variable("id", eventId).variable("reason", "The hall is flooded.").execute()
                .path("cancelEvent.status").entity(String.class).isEqualTo("CANCELLED");

        assertThat(SentMail.await(mail -> mail.to().contains(changedMind.email()), 2, PATIENCE)).extracting(Mail::subject)
                .containsExactlyInAnyOrder("Your booking for " + title + " is confirmed", "Your booking for " + title + " is cancelled");
        List<Mail> toStayed = SentMail.await(mail -> mail.to().contains(stayed.email()), 2, PATIENCE);
        assertThat(toStayed).extracting(Mail::subject).contains(title + " is cancelled");
        assertThat(toStayed).filteredOn(mail -> mail.subject().equals(title + " is cancelled")).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("Reason: The hall is flooded.", "3 seat(s)"));
    }

    @Test
    void aJobDeliveredTwiceByTheQueueIsEMailedOnce() throws Exception {
        String recipient = "twice-" + UUID.randomUUID() + "@example.test";
        EmailJob job = new EmailJob("booking-" + UUID.randomUUID() + "-BOOKING_CONFIRMED", EmailKind.BOOKING_CONFIRMED, "b", 1,
                recipient, "Twice", Locale.ENGLISH, "Duplicates", "Hall", Instant.now().plus(1, ChronoUnit.DAYS), null);
        var sqs = KippuStandIns.shared().sqs().client();
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
