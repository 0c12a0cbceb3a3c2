package dev.kippu.contract;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

import reactor.core.publisher.Flux;

/** Following an event's seats over WebSocket ({@code seatsChanged}), and waiting for what that changes. */
public final class SeatsFollowing {

    private SeatsFollowing() {
    }

    /** One {@code seatsChanged} value. */
    public record Seats(String eventId, int seatsRemaining, String status) {
    }

    public static Flux<GraphQlTester.Response> subscribe(WebSocketGraphQlTester connection, String eventId) {
        return connection.documentName("seatsChanged").variable("eventId", eventId).executeSubscription().toFlux();
    }

    public static Received<Seats> follow(WebSocketGraphQlTester connection, String eventId) {
        return Received.from(subscribe(connection, eventId).map(response -> response.path("seatsChanged").entity(Seats.class).get()));
    }

    /** Waits up to 5 s for {@code condition}, looking every 50 ms; fails naming {@code what}. */
    public static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 5 s: " + what);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
