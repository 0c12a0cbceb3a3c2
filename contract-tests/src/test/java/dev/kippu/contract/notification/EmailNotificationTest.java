package dev.kippu.contract.notification;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kippu.contract.ContractTest;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.SentMail;
import dev.kippu.contract.SentMail.Mail;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;

/** E-mails that bookings and cancellations send, as their recipients receive them (the SES stand-in). */
@ContractTest
class EmailNotificationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final KippuApi api;

    EmailNotificationTest(KippuApi api) {
        this.api = api;
    }

    @Test
    void aBookingIsConfirmedByEMailInTheBuyersLanguage() throws Exception {
        TestUser organizer = TestUsers.organizer();
        String title = "Confirmation " + UUID.randomUUID();
        String eventId = published(api.as(organizer), newEvent(title, 10, Instant.now().plus(10, ChronoUnit.DAYS)));
        TestUser english = TestUsers.attendee();
        TestUser japanese = TestUsers.attendeeSpeaking("ja");
        api.as(english).documentName("bookSeats").variable("input", booking(eventId, 2)).execute().path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
        api.as(japanese).documentName("bookSeats").variable("input", booking(eventId, 1)).execute().path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");

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
        String eventId = published(api.as(organizer), newEvent(title, 10, Instant.now().plus(10, ChronoUnit.DAYS)));
        TestUser changedMind = TestUsers.attendee();
        TestUser stayed = TestUsers.attendee();
        String bookingId = api.as(changedMind).documentName("bookSeats").variable("input", booking(eventId, 1)).execute()
                .path("bookSeats.id").entity(String.class).get();
        api.as(stayed).documentName("bookSeats").variable("input", booking(eventId, 3)).execute().path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
        api.as(changedMind).documentName("cancelBooking").variable("id", bookingId).execute().path("cancelBooking.status").entity(String.class).isEqualTo("CANCELLED");
        api.as(organizer).documentName("cancelEvent").variable("id", eventId).variable("reason", "The hall is flooded.").execute()
                .path("cancelEvent.status").entity(String.class).isEqualTo("CANCELLED");

        assertThat(SentMail.await(mail -> mail.to().contains(changedMind.email()), 2, PATIENCE)).extracting(Mail::subject)
                .containsExactlyInAnyOrder("Your booking for " + title + " is confirmed", "Your booking for " + title + " is cancelled");
        List<Mail> toStayed = SentMail.await(mail -> mail.to().contains(stayed.email()), 2, PATIENCE);
        assertThat(toStayed).extracting(Mail::subject).contains(title + " is cancelled");
        assertThat(toStayed).filteredOn(mail -> mail.subject().equals(title + " is cancelled")).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("Reason: The hall is flooded.", "3 seat(s)"));
    }
}
