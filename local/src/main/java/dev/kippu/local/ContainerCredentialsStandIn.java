package dev.kippu.local;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The container credentials endpoint, on a free loopback port: what a process finds in
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} where its
 * role's credentials are handed out over HTTP and renewed before they expire (Lambda with SnapStart
 * and on Managed Instances, ECS and Fargate task roles, EKS Pod Identity). It answers the stand-ins'
 * fixed keys, as short-lived credentials, to a caller that presents the token, and 401 to any other.
 */
public final class ContainerCredentialsStandIn implements AutoCloseable {

    /** How long the credentials it hands out are valid: short, so that a caller must renew them. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String token = UUID.randomUUID().toString();
    private final AtomicInteger handedOut = new AtomicInteger();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    private ContainerCredentialsStandIn(String accessKeyId, String secretAccessKey) {
        server = LoopbackHttp.serve(exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/credentials")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            LoopbackHttp.respond(exchange, 200, JSON.writeValueAsString(Map.of(
                    "AccessKeyId", accessKeyId,
                    "SecretAccessKey", secretAccessKey,
                    "Token", "stand-in-session-" + handedOut.incrementAndGet(),
                    "Expiration", Instant.now().plus(VALIDITY).truncatedTo(ChronoUnit.SECONDS).toString())));
        }, threads);
    }

    /** Starts the endpoint, handing out these keys. */
    public static ContainerCredentialsStandIn start(String accessKeyId, String secretAccessKey) {
        return new ContainerCredentialsStandIn(accessKeyId, secretAccessKey);
    }

    /** The variables that point a process's AWS SDK at this endpoint. */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + server.getAddress().getPort() + "/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", token);
    }

    /** How many times credentials were handed out. */
    public int handedOut() {
        return handedOut.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
