package dev.kippu.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Kippu's readiness probe, asked until it answers 200: how a launcher knows that a Kippu it started is ready. */
public final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration POLL = Duration.ofMillis(50);

    private Readiness() {
    }

    /**
     * Asks {@code baseUrl}'s readiness probe every 50 ms while {@code alive} holds, for up to
     * {@code patience}; returns whether it answered 200.
     */
    public static boolean await(URI baseUrl, Duration patience, BooleanSupplier alive) {
        Instant deadline = Instant.now().plus(patience);
        HttpRequest readiness = HttpRequest.newBuilder(baseUrl.resolve("/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline) && alive.getAsBoolean()) {
            if (answersUp(readiness)) {
                return true;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean answersUp(HttpRequest readiness) {
        try {
            return HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the pause that follows ends the waiting
            return false;
        }
    }
}
