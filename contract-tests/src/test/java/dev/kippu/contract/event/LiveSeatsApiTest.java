package dev.kippu.contract.event;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.draft;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static dev.kippu.contract.PoolTokens.accessClaims;
import static dev.kippu.contract.PoolTokens.signedByThePool;
import static dev.kippu.contract.SeatsFollowing.awaitTrue;
import static dev.kippu.contract.SeatsFollowing.follow;
import static dev.kippu.contract.SeatsFollowing.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

import dev.kippu.contract.ContractTest;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.OverWebSocket;
import dev.kippu.contract.Received;
import dev.kippu.contract.SeatsFollowing.Seats;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.local.CognitoStandIn;

/**
 * {@code seatsChanged} over WebSocket: the availability at once, then every change; the end after a
 * cancellation; the same visibility and token rules as HTTP; at most ten subscriptions per
 * connection; a clear refusal over HTTP.
 */
@ContractTest
class LiveSeatsApiTest {

    /** The contract's promise for a change made anywhere; the poll interval is 500 ms. */
    private static final Duration CHANGE_SEEN_WITHIN = Duration.ofSeconds(2);
    /** The first value needs no poll interval: it is read (or already known) when the subscription starts. */
    private static final Duration AT_ONCE = Duration.ofSeconds(1);

    private static TestUser organizer;
    private static TestUser otherOrganizer;
    private static TestUser attendee;

    private final KippuApi api;
    private final List<WebSocketGraphQlTester> connections = new ArrayList<>();

    LiveSeatsApiTest(KippuApi api) {
        this.api = api;
    }

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
    @OverWebSocket
    void anAnonymousFollowerGetsTheAvailabilityAtOnce() {
        String eventId = published(api.as(organizer), 10);
        WebSocketGraphQlTester connection = connected(api.liveAnonymous());
        connection.documentName("me").execute().path("me").valueIsNull();

        long started = System.nanoTime();
        try (Received<Seats> seats = follow(connection, eventId)) {
            assertThat(seats.next(AT_ONCE)).isEqualTo(new Seats(eventId, 10, "PUBLISHED"));
            Duration first = Duration.ofNanos(System.nanoTime() - started);

            // A second follower joins the running poller and gets its latest value, without waiting for a change.
            try (Received<Seats> second = follow(connection, eventId)) {
                assertThat(second.next(AT_ONCE)).isEqualTo(new Seats(eventId, 10, "PUBLISHED"));
            }
            assertThat(first).isLessThan(AT_ONCE);
            seats.nothingFor(Duration.ofMillis(1200));
        }
    }

    @Test
    @OverWebSocket
    void aBookingIsSeenWithinTwoSeconds() {
        String eventId = published(api.as(organizer), 10);
        try (Received<Seats> seats = follow(connected(api.liveAs(attendee)), eventId)) {
            assertThat(seats.next(AT_ONCE).seatsRemaining()).isEqualTo(10);

            bookOn(api, 3, eventId);

            assertThat(seats.next(CHANGE_SEEN_WITHIN)).isEqualTo(new Seats(eventId, 7, "PUBLISHED"));
        }
    }

    @Test
    @OverWebSocket
    void aCancelledEventSaysSoAndEndsTheStream() {
        String eventId = published(api.as(organizer), 10);
        try (Received<Seats> seats = follow(connected(api.liveAs(attendee)), eventId)) {
            assertThat(seats.next(AT_ONCE).status()).isEqualTo("PUBLISHED");

            api.as(organizer).documentName("cancelEvent").variable("id", eventId).variable("reason", "Storm").execute()
                    .path("cancelEvent.status").entity(String.class).isEqualTo("CANCELLED");

            assertThat(seats.next(CHANGE_SEEN_WITHIN)).isEqualTo(new Seats(eventId, 10, "CANCELLED"));
            seats.completes(Duration.ofSeconds(1));
        }

        // Following a cancelled event gives its last word and the end.
        try (Received<Seats> late = follow(connected(api.liveAnonymous()), eventId)) {
            assertThat(late.next(AT_ONCE).status()).isEqualTo("CANCELLED");
            late.completes(Duration.ofSeconds(1));
        }
    }

    @Test
    @OverWebSocket
    void aDraftIsFollowedOnlyByItsOrganizer() {
        String eventId = draft(api.as(organizer), newEvent(20));

        for (WebSocketGraphQlTester stranger : List.of(api.liveAs(otherOrganizer), api.liveAs(attendee), api.liveAnonymous())) {
            try (Received<Seats> seats = follow(connected(stranger), eventId)) {
                assertThat(codesOf(seats.fails(AT_ONCE.multipliedBy(5)))).containsExactly("NOT_FOUND");
            }
        }

        // Its organizer, signed in through connection_init, sees the draft and then its publication.
        WebSocketGraphQlTester organizersConnection = connected(api.liveAs(organizer));
        organizersConnection.documentName("me").execute().path("me.id").entity(String.class).isEqualTo(organizer.id());
        try (Received<Seats> seats = follow(organizersConnection, eventId)) {
            assertThat(seats.next(AT_ONCE)).isEqualTo(new Seats(eventId, 20, "DRAFT"));
            api.as(organizer).documentName("publishEvent").variable("id", eventId).execute()
                    .path("publishEvent.status").entity(String.class).isEqualTo("PUBLISHED");
            assertThat(seats.next(CHANGE_SEEN_WITHIN)).isEqualTo(new Seats(eventId, 20, "PUBLISHED"));
        }
    }

    @Test
    @OverWebSocket
    void aBadTokenInConnectionInitClosesTheConnection() {
        String eventId = published(api.as(organizer), 10);
        Instant issued = Instant.now().minus(2, ChronoUnit.HOURS);
        String expired = signedByThePool(accessClaims(organizer, CognitoStandIn.ORGANIZERS)
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plus(1, ChronoUnit.HOURS))).build());
        String[] parts = attendee.accessToken().split("\\.");
        String brokenSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        for (Object authorization : List.of("Bearer garbage", "Bearer " + expired, "Bearer " + brokenSignature,
                "Bearer " + organizer.idToken(), attendee.accessToken(), "Basic dXNlcjpwYXNz", 42)) {
            WebSocketGraphQlTester connection = api.liveWithAuthorization(authorization);
            assertThatThrownBy(() -> connection.start().block(Duration.ofSeconds(10)))
                    .as("connection_init with Authorization %s", authorization)
                    .hasMessageContaining("4401");
        }
        // a subscription is what connects a client that was not started first; it is refused the same way
        try (Received<GraphQlTester.Response> refused = Received.from(subscribe(api.liveWithAuthorization("Bearer garbage"), eventId))) {
            assertThat(refused.fails(Duration.ofSeconds(10))).hasMessageContaining("4401");
        }
    }

    @Test
    @OverWebSocket
    void aConnectionHoldsAtMostTenSubscriptions() {
        String eventId = published(api.as(organizer), 10);
        WebSocketGraphQlTester connection = connected(api.liveAs(attendee));
        List<Received<Seats>> open = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            open.add(follow(connection, eventId));
        }
        for (Received<Seats> seats : open) {
            assertThat(seats.next(AT_ONCE.multipliedBy(3)).seatsRemaining()).isEqualTo(10);
        }

        try (Received<GraphQlTester.Response> eleventh = Received.from(subscribe(connection, eventId))) {
            GraphQlTester.Response response = eleventh.next(AT_ONCE.multipliedBy(3));
            response.errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))
                    && error.getMessage().contains("at most 10 subscriptions")).verify();
            eleventh.completes(Duration.ofSeconds(1));
        }
        // Another connection has its own ten.
        try (Received<Seats> elsewhere = follow(connected(api.liveAs(attendee)), eventId)) {
            assertThat(elsewhere.next(AT_ONCE).seatsRemaining()).isEqualTo(10);
        }

        // Completing one frees its place on the connection.
        open.removeFirst().close();
        awaitTrue(() -> accepted(connection, eventId), "a subscription accepted in the completed one's place");
        open.forEach(Received::close);
    }

    @Test
    void aSubscriptionOverHttpIsRefusedWithAdviceToUseWebSocketOrPoll() throws IOException, InterruptedException {
        String eventId = published(api.as(organizer), 10);
        for (GraphQlTester http : List.of(api.anonymous(), api.as(attendee))) {
            http.documentName("seatsChanged").variable("eventId", eventId).execute()
                    .errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))
                            && error.getMessage().contains("WebSocket") && error.getMessage().contains("poll event(id)")).verify()
                    .path("seatsChanged").pathDoesNotExist();
        }

        // The same over server-sent events: one event carrying the same refusal, then the end.
        String document = new ClassPathResource("graphql-test/seatsChanged.graphql").getContentAsString(StandardCharsets.UTF_8);
        String body = "{\"query\":" + quoted(document) + ",\"variables\":{\"eventId\":\"" + eventId + "\"}}";
        HttpResponse<String> sse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.endpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sse.body()).as(sse.body()).contains("event:next").contains("\"code\":\"BAD_REQUEST\"").contains("poll event(id)")
                .contains("event:complete").doesNotContain("\"seatsChanged\"");
    }

    // --- helpers


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

    private static List<Object> codesOf(Throwable failure) {
        assertThat(failure).isInstanceOf(SubscriptionErrorException.class);
        return ((SubscriptionErrorException) failure).getErrors().stream()
                .map(ResponseError::getExtensions).map(extensions -> extensions.get("code")).toList();
    }

    /** Whether a subscription on this connection is accepted now (not refused for the limit). */
    private static boolean accepted(WebSocketGraphQlTester connection, String eventId) {
        try (Received<GraphQlTester.Response> attempt = Received.from(subscribe(connection, eventId))) {
            attempt.next(AT_ONCE.multipliedBy(3)).path("seatsChanged.seatsRemaining").entity(Integer.class).isEqualTo(10);
            return true;
        } catch (AssertionError refused) {
            return false;
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
