package dev.kippu.support;

import java.net.URI;
import java.time.Duration;

import org.springframework.graphql.test.tester.GraphQlTester;

import dev.kippu.support.TestUsers.TestUser;

/**
 * The public API as the contract tests reach it. By default that is the application the test
 * started; {@code -Dkippu.test.base-url=http://host:port} points the same tests at a Kippu running
 * elsewhere (a container, a deployed stack) that uses the same stand-ins.
 */
public final class KippuApi {

    private final URI endpoint;

    private KippuApi(URI endpoint) {
        this.endpoint = endpoint;
    }

    public static KippuApi forLocalPort(int port) {
        String baseUrl = System.getProperty("kippu.test.base-url", "http://127.0.0.1:" + port);
        return new KippuApi(URI.create(baseUrl.replaceAll("/+$", "") + "/graphql"));
    }

    public URI endpoint() {
        return endpoint;
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

    private GraphQlTester tester(String token) {
        return GraphQlTester.builder(new HttpGraphQlTransport(endpoint, token)).responseTimeout(Duration.ofSeconds(30)).build();
    }
}
