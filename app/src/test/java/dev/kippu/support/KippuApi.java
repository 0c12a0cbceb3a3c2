package dev.kippu.support;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import org.springframework.web.reactive.socket.client.WebSocketClient;

import dev.kippu.support.TestUsers.TestUser;
import reactor.core.publisher.Mono;

/**
 * The public API as the contract tests reach it. By default that is the application the test
 * started; {@code -Dkippu.test.base-url=http://host:port} points the same tests at a Kippu running
 * elsewhere (a container, a deployed stack) that uses the same stand-ins.
 * <p>
 * Subscriptions go over WebSocket (graphql-transport-ws) to the same path. Each
 * {@link WebSocketGraphQlTester} is one connection, opened by its first operation (or
 * {@code start()}) and closed by {@code stop()}. The client is the JSR-356 one
 * ({@code jakarta.websocket}, provided by Tomcat's WebSocket jar that the server brings anyway)
 * behind Spring's reactive {@link StandardWebSocketClient}, the type Spring GraphQL's client needs.
 */
public final class KippuApi {

    private static final WebSocketClient WEB_SOCKETS = new StandardWebSocketClient();

    private final URI endpoint;

    private KippuApi(URI endpoint) {
        this.endpoint = endpoint;
    }

    public static KippuApi forLocalPort(int port) {
        String baseUrl = System.getProperty("kippu.test.base-url", "http://127.0.0.1:" + port);
        return new KippuApi(URI.create(baseUrl.replaceAll("/+$", "") + "/graphql"));
    }

    /** Another instance of the application on this machine, whatever {@code kippu.test.base-url} says. */
    public static KippuApi forInstanceOnPort(int port) {
        return new KippuApi(URI.create("http://127.0.0.1:" + port + "/graphql"));
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
