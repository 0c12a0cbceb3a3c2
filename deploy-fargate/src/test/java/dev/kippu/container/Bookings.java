package dev.kippu.container;

import static dev.kippu.contract.EventInputs.booking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

import dev.kippu.contract.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code bookSeats} request as a client sends it, each on a connection of its own (so that
 * whether the server took it is plain: a connection it refused, or a request it answered or dropped).
 */
final class Bookings {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOOK_SEATS = document("bookSeats");

    private Bookings() {
    }

    /** What became of one request. */
    enum Outcome {
        /** answered: the booking is confirmed */
        CONFIRMED,
        /** answered, with a GraphQL error or an HTTP status other than 200 */
        REFUSED_BY_KIPPU,
        /** no connection: the server no longer accepts any, and took nothing */
        CONNECTION_REFUSED,
        /** connected and sent, never answered: the server took a request and dropped it */
        UNANSWERED
    }

    record Answer(Outcome outcome, Instant sent, Instant answered, String detail) {
    }

    static Answer book(URI baseUrl, TestUser buyer, String eventId, int quantity) {
        return book(baseUrl, buyer, booking(eventId, quantity));
    }

    /**
     * As a client does: a booking answered with a retryable refusal (HTTP 408, the request timeout, or
     * an {@code INTERNAL} error) or not answered at all is sent again with the same idempotency key,
     * up to {@code attempts} times in all; the last answer is returned.
     */
    static Answer bookRetrying(URI baseUrl, TestUser buyer, String eventId, int quantity, int attempts) {
        Map<String, Object> input = booking(eventId, quantity);
        Answer answer = book(baseUrl, buyer, input);
        for (int attempt = 1; attempt < attempts && retryable(answer); attempt++) {
            answer = book(baseUrl, buyer, input);
        }
        return answer;
    }

    private static boolean retryable(Answer answer) {
        return answer.outcome() == Outcome.UNANSWERED || answer.outcome() == Outcome.REFUSED_BY_KIPPU
                && (answer.detail().startsWith("408 ") || answer.detail().contains("\"INTERNAL\""));
    }

    private static Answer book(URI baseUrl, TestUser buyer, Map<String, Object> input) {
        Instant sent = Instant.now();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(baseUrl.resolve("/graphql"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + buyer.accessToken())
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("query", BOOK_SEATS, "variables", Map.of("input", input)))))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.missingNode();
            boolean confirmed = body.path("data").path("bookSeats").path("status").asString("").equals("CONFIRMED");
            return new Answer(confirmed ? Outcome.CONFIRMED : Outcome.REFUSED_BY_KIPPU, sent, Instant.now(), response.statusCode() + " " + response.body());
        } catch (ConnectException | HttpConnectTimeoutException refused) {
            return new Answer(Outcome.CONNECTION_REFUSED, sent, Instant.now(), refused.toString());
        } catch (IOException dropped) {
            return new Answer(Outcome.UNANSWERED, sent, Instant.now(), dropped.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String document(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
