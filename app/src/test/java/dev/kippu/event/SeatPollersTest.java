package dev.kippu.event;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.draft;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static dev.kippu.contract.SeatsFollowing.awaitTrue;
import static dev.kippu.contract.SeatsFollowing.follow;
import static dev.kippu.contract.SeatsFollowing.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.Received;
import dev.kippu.contract.SeatsFollowing.Seats;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.support.ApiTest;
import dev.kippu.support.InProcessKippu;

/**
 * What live seats cost inside an instance ({@link SeatPollers}): one poller per followed event
 * however many follow it, none once they leave or are refused, and none on an instance where nobody
 * follows although bookings are made there. What a follower sees is the contract suite's
 * {@code LiveSeatsApiTest}.
 */
@ApiTest
class SeatPollersTest {

    private static final Duration CHANGE_SEEN_WITHIN = Duration.ofSeconds(2);
    private static final Duration AT_ONCE = Duration.ofSeconds(1);

    private static TestUser organizer;
    private static TestUser otherOrganizer;
    private static TestUser attendee;

    @LocalServerPort
    int port;

    @Autowired
    SeatPollers pollers;

    private final List<WebSocketGraphQlTester> connections = new ArrayList<>();

    @BeforeAll
    static void users() {
        organizer = TestUsers.organizer();
        otherOrganizer = TestUsers.organizer();
        attendee = TestUsers.attendee();
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(connection -> connection.stop().block(Duration.ofSeconds(5)));
    }

    @Test
    void aBookingMadeOnAnotherInstanceIsSeenWithinTwoSeconds() {
        String eventId = published(api().as(organizer), 10);
        try (InProcessKippu.Instance other = InProcessKippu.startAnother(KippuStandIns.shared().properties());
             Received<Seats> seats = follow(connected(api().liveAs(attendee)), eventId)) {
            assertThat(seats.next(AT_ONCE).seatsRemaining()).isEqualTo(10);

            long booked = System.nanoTime();
            bookOn(KippuApi.at(other.baseUrl()), 4, eventId);

            assertThat(seats.next(CHANGE_SEEN_WITHIN)).isEqualTo(new Seats(eventId, 6, "PUBLISHED"));
            assertThat(Duration.ofNanos(System.nanoTime() - booked)).isLessThan(CHANGE_SEEN_WITHIN);
            assertThat(other.context().getBean(SeatPollers.class).polledEvents()).as("the other instance polls nothing: nobody follows there").isZero();
        }
    }

    @Test
    void manyFollowersOfOneEventShareOnePollerThatStopsWhenTheyLeave() {
        awaitTrue(() -> pollers.polledEvents() == 0, "no poller left by other tests");
        String eventId = published(api().as(organizer), 50);

        List<WebSocketGraphQlTester> followers = List.of(connected(api().liveAnonymous()), connected(api().liveAs(attendee)),
                connected(api().liveAs(otherOrganizer)));
        List<Received<Seats>> streams = new ArrayList<>();
        for (WebSocketGraphQlTester connection : followers) {
            for (int i = 0; i < 4; i++) {
                streams.add(follow(connection, eventId));
            }
        }
        streams.forEach(seats -> assertThat(seats.next(AT_ONCE.multipliedBy(3)).seatsRemaining()).isEqualTo(50));
        assertThat(pollers.followers(eventId)).isEqualTo(12);
        assertThat(pollers.polledEvents()).isEqualTo(1);

        // Twelve followers, one poller: over two seconds about four reads (every 500 ms), not forty-eight.
        long readsBefore = pollers.reads();
        sleep(Duration.ofSeconds(2));
        assertThat(pollers.reads() - readsBefore).isBetween(2L, 6L);

        bookOn(api(), 5, eventId);
        streams.forEach(seats -> assertThat(seats.next(CHANGE_SEEN_WITHIN).seatsRemaining()).isEqualTo(45));

        // Followers that vanish with their connection (no complete message) are cleaned up; then polling stops.
        followers.forEach(connection -> connection.stop().block(Duration.ofSeconds(5)));
        awaitTrue(() -> pollers.followers(eventId) == 0 && pollers.polledEvents() == 0, "every follower and the poller gone");
        long readsAfter = pollers.reads();
        sleep(Duration.ofSeconds(1));
        assertThat(pollers.reads()).as("no reads once nobody follows").isEqualTo(readsAfter);
        streams.forEach(Received::close);
    }

    @Test
    void refusedAndFinishedSubscriptionsLeaveNoFollower() {
        String draftId = draft(api().as(organizer), newEvent(20));
        try (Received<Seats> stranger = follow(connected(api().liveAs(attendee)), draftId)) {
            assertThat(stranger.fails(AT_ONCE.multipliedBy(5))).isInstanceOfSatisfying(SubscriptionErrorException.class, refusal ->
                    assertThat(refusal.getErrors()).extracting(error -> error.getExtensions().get("code")).containsExactly("NOT_FOUND"));
        }
        assertThat(pollers.followers(draftId)).as("a stranger refused a draft").isZero();

        api().anonymous().documentName("seatsChanged").variable("eventId", draftId).execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(pollers.followers(draftId)).as("a subscription over HTTP").isZero();

        String eventId = published(api().as(organizer), 10);
        WebSocketGraphQlTester connection = connected(api().liveAs(attendee));
        try (Received<Seats> seats = follow(connection, eventId)) {
            assertThat(seats.next(AT_ONCE).status()).isEqualTo("PUBLISHED");
            assertThat(pollers.followers(eventId)).isEqualTo(1);
        }
        awaitTrue(() -> pollers.followers(eventId) == 0, "a completed subscription stops following");

        try (Received<Seats> seats = follow(connection, eventId)) {
            assertThat(seats.next(AT_ONCE).status()).isEqualTo("PUBLISHED");
            api().as(organizer).documentName("cancelEvent").variable("id", eventId).variable("reason", "Storm").execute()
                    .path("cancelEvent.status").entity(String.class).isEqualTo("CANCELLED");
            assertThat(seats.next(CHANGE_SEEN_WITHIN).status()).isEqualTo("CANCELLED");
            seats.completes(Duration.ofSeconds(1));
        }
        assertThat(pollers.followers(eventId)).as("a cancelled event's followers are finished with its poller").isZero();
    }

    // --- helpers

    private KippuApi api() {
        return KippuApi.onLocalPort(port);
    }

    /** Opens the connection (connection_init and its ack) and closes it after the test. */
    private WebSocketGraphQlTester connected(WebSocketGraphQlTester connection) {
        connections.add(connection);
        connection.start().block(Duration.ofSeconds(10));
        return connection;
    }

    private static void bookOn(KippuApi instance, int quantity, String eventId) {
        instance.as(attendee).documentName("bookSeats").variable("input", booking(eventId, quantity)).execute()
                .path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
    }
}
