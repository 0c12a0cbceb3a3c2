package dev.kippu.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.client.GraphQlTransport;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP POST to a running Kippu, the way browsers and the load tests call it. A 401
 * carrying GraphQL errors is a response like any other, so tests assert on its error code.
 */
final class HttpGraphQlTransport implements GraphQlTransport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String bearerToken;

    HttpGraphQlTransport(URI endpoint, String bearerToken) {
        this.endpoint = endpoint;
        this.bearerToken = bearerToken;
    }

    @Override
    public Mono<GraphQlResponse> execute(GraphQlRequest request) {
        return Mono.fromCallable(() -> send(request));
    }

    @Override
    public Flux<GraphQlResponse> executeSubscription(GraphQlRequest request) {
        return Flux.error(new UnsupportedOperationException("subscriptions need the WebSocket transport"));
    }

    @SuppressWarnings("unchecked")
    private GraphQlResponse send(GraphQlRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request.toMap())));
        if (bearerToken != null) {
            http.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> body;
        try {
            body = JSON.readValue(response.body(), Map.class);
        } catch (RuntimeException notJson) {
            throw new AssertionError("HTTP " + response.statusCode() + " without a GraphQL response: " + response.body());
        }
        if (!body.containsKey("data") && !body.containsKey("errors")) {
            throw new AssertionError("HTTP " + response.statusCode() + " without a GraphQL response: " + response.body());
        }
        return GraphQlTransport.createResponse(body);
    }
}
