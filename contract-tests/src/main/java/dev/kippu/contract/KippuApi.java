package dev.kippu.contract;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import org.springframework.web.reactive.socket.client.WebSocketClient;

import dev.kippu.contract.TestUsers.TestUser;
import reactor.core.publisher.Mono;

/**
 * Kippu's public API as its clients reach it, by URL: GraphQL over HTTP POST, and subscriptions.
 * <p>
 * Subscriptions go over WebSocket (graphql-transport-ws) to the same path. Each
 * {@link WebSocketGraphQlTester} is one connection, opened by its first operation (or
 * {@code start()}) and closed by {@code stop()}. The client is the JSR-356 one
 * ({@code jakarta.websocket}, from Tomcat's WebSocket jar)
 * behind Spring's reactive {@link StandardWebSocketClient}, the type Spring GraphQL's client needs.
 */
public final class KippuApi {

    private static final WebSocketClient WEB_SOCKETS = new StandardWebSocketClient();

    private final URI baseUrl;
    private final URI endpoint;

    private KippuApi(URI baseUrl) {
        this.baseUrl = baseUrl;
        this.endpoint = http().uri("/graphql");
    }

    /** The API of the Kippu at {@code baseUrl} ({@code http://host:port}, or with a path prefix such as a stage). */
    public static KippuApi at(URI baseUrl) {
        return new KippuApi(baseUrl);
    }

    /** The API of a Kippu on this machine, for tests that started it themselves. */
    public static KippuApi onLocalPort(int port) {
        return at(URI.create("http://127.0.0.1:" + port));
    }

    /** Plain HTTP to the same Kippu: hostile bodies, status codes, headers, the actuator endpoints. */
    public RawHttp http() {
        return new RawHttp(baseUrl);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The same path with {@code ws:} (or {@code wss:}). */
    public URI webSocketEndpoint() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }

    public GraphQlTester anonymous() {
        return tester(null);
    }

    public GraphQlTester as(TestUser user) {
        return tester(user.accessToken());
    }

    public GraphQlTester withToken(String token) {
        return tester(token);
    }

    /** A WebSocket connection without a token in {@code connection_init}. */
    public WebSocketGraphQlTester liveAnonymous() {
        return live(Map.of());
    }

    /** A WebSocket connection whose {@code connection_init} carries the user's access token. */
    public WebSocketGraphQlTester liveAs(TestUser user) {
        return liveWithAuthorization("Bearer " + user.accessToken());
    }

    /** A WebSocket connection whose {@code connection_init} payload is {@code {"Authorization": authorization}}. */
    public WebSocketGraphQlTester liveWithAuthorization(Object authorization) {
        return live(Map.of("Authorization", authorization));
    }

    private WebSocketGraphQlTester live(Map<String, Object> connectionInitPayload) {
        return WebSocketGraphQlTester.builder(webSocketEndpoint(), WEB_SOCKETS)
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(connectionInitPayload);
                    }
                })
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private GraphQlTester tester(String token) {
        return GraphQlTester.builder(new HttpGraphQlTransport(endpoint, token)).responseTimeout(Duration.ofSeconds(30)).build();
    }
}
