package dev.kippu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request that a start-up is timed to: the first page of events, which Kippu reads from
 * DynamoDB and the control app answers from memory. A correct answer is a 200 whose JSON holds
 * {@code data.events} and no {@code errors}; an empty list is as correct as a full one.
 */
final class EventsQuery {

    static final String DOCUMENT = "{ events(first: 5) { edges { node { id title } } } }";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            // plain HTTP/1.1: no h2c upgrade offer for the server to turn down on every poll
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BODY = JSON.writeValueAsString(Map.of("query", DOCUMENT));

    private EventsQuery() {
    }

    static HttpResponse<String> send(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static boolean isCorrect(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return false;
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            return answer.path("data").path("events").isObject() && !answer.has("errors");
        } catch (JacksonException notJson) {
            return false;
        }
    }
}
