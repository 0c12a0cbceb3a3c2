package dev.kippu.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP to a running Kippu, for what the GraphQL tester cannot send or show: hostile bodies,
 * status codes, headers, the actuator endpoints.
 */
public final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;

    RawHttp(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public URI uri(String path) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + path);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** An operation as a client sends it: a JSON body with {@code query}. */
    public HttpResponse<String> query(String document) {
        return postJson(JSON.writeValueAsString(Map.of("query", document)));
    }

    public HttpResponse<String> postJson(String body) {
        return post("application/json", BodyPublishers.ofString(body));
    }

    public HttpResponse<String> post(String contentType, BodyPublisher body) {
        return send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", contentType)
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(body));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("no HTTP response", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
