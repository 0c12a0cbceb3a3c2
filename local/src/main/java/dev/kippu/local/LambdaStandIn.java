package dev.kippu.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a Lambda function's runtime talks to, on free loopback ports. The
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html">Runtime API</a> (version
 * 2018-06-01), which a runtime interface client polls for the next invocation and answers; and in
 * front of it an HTTP API that turns every HTTP request on its own port into an invocation with an
 * API Gateway HTTP API event (payload format 2.0, the format Function URLs use too) and the
 * function's answer back into the HTTP response. Invocations wait in one queue until a runtime asks
 * for the next one; several runtimes, or several threads of one as on Lambda Managed Instances, may
 * ask at once. A runtime with SnapStart asks to be restored after its init ({@code restore/next}), and
 * is, at once: there is no snapshot here, but its hooks run as on Lambda.
 */
public final class LambdaStandIn implements AutoCloseable {

    /** The largest response of a synchronous invocation. */
    public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
    public static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:kippu";

    private static final Logger log = LoggerFactory.getLogger(LambdaStandIn.class);
    private static final String RUNTIME = "/2018-06-01/runtime/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "upgrade", "keep-alive", "transfer-encoding", "te", "trailer",
            "proxy-authorization", "proxy-authenticate", "host", "content-length", "cookie");
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    static {
        // The JDK's server closes a keep-alive connection after 30 s idle, and at once when it holds
        // 200 idle ones already (a test run's many clients do); a client that pooled the connection
        // learns it only by losing its next request. Here they stay open for ten minutes, and 10,000.
        System.getProperties().putIfAbsent("sun.net.httpserver.idleInterval", "600");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxIdleConnections", "10000");
    }

    private final Duration timeout;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> firstPoll = new AtomicReference<>();
    private final AtomicReference<Instant> restored = new AtomicReference<>();
    private final AtomicReference<String> initError = new AtomicReference<>();
    private final HttpServer runtimeApi;
    private final HttpServer frontDoor;

    private LambdaStandIn(Duration timeout) {
        this.timeout = timeout;
        this.runtimeApi = server(this::runtimeApi);
        this.frontDoor = server(this::frontDoor);
    }

    /** Starts both ports; {@code timeout} is the function's: an invocation not answered within it fails. */
    public static LambdaStandIn start(Duration timeout) {
        return new LambdaStandIn(timeout);
    }

    /** {@code host:port}, what a runtime finds in {@code AWS_LAMBDA_RUNTIME_API}. */
    public String runtimeApiAddress() {
        return "127.0.0.1:" + runtimeApi.getAddress().getPort();
    }

    /** The HTTP API's URL. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + frontDoor.getAddress().getPort());
    }

    /** When a runtime first asked for an invocation: the end of its init. */
    public Optional<Instant> firstPoll() {
        return Optional.ofNullable(firstPoll.get());
    }

    /**
     * When a runtime with SnapStart asked to be restored ({@code /runtime/restore/next}): its init and
     * its before-snapshot hooks were done. There is no snapshot here; it is restored at once.
     */
    public Optional<Instant> restored() {
        return Optional.ofNullable(restored.get());
    }

    /** What the runtime reported through {@code /runtime/init/error} or {@code /runtime/restore/error}, if it did. */
    public Optional<String> initError() {
        return Optional.ofNullable(initError.get());
    }

    /** Invokes the function with any event, as an event source mapping or a schedule does, and waits for its outcome. */
    public Outcome invoke(String event) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event.getBytes(StandardCharsets.UTF_8),
                Instant.now().plus(timeout), new CompletableFuture<>());
        if (initError.get() != null) {
            return new Outcome.Failed("Runtime.InitError", initError.get());
        }
        queued.add(invocation);
        try {
            return invocation.outcome().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            queued.remove(invocation);
            inFlight.remove(invocation.id());
            return new Outcome.TimedOut();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        frontDoor.stop(0);
        runtimeApi.stop(0);
        threads.shutdownNow();
    }

    /** How an invocation ended. */
    public sealed interface Outcome {

        /** The function's response payload. */
        record Answered(byte[] payload) implements Outcome {

            public String text() {
                return new String(payload, StandardCharsets.UTF_8);
            }
        }

        /** The function (or its runtime) reported an error, or its response was too large. */
        record Failed(String errorType, String error) implements Outcome {
        }

        /** No answer within the function's timeout. */
        record TimedOut() implements Outcome {
        }
    }

    private record Invocation(String id, byte[] event, Instant deadline, CompletableFuture<Outcome> outcome) {
    }

    private HttpServer server(com.sun.net.httpserver.HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                try (exchange) {
                    handler.handle(exchange);
                } catch (RuntimeException | IOException e) {
                    log.warn("The Lambda stand-in failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                    if (exchange.getResponseCode() == -1) {
                        exchange.sendResponseHeaders(500, -1);
                    }
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("the Lambda stand-in could not listen", e);
        }
    }

    private void runtimeApi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && path.equals(RUNTIME + "invocation/next")) {
            next(exchange);
        } else if (method.equals("GET") && path.equals(RUNTIME + "restore/next")) {
            restored.compareAndSet(null, Instant.now());
            respond(exchange, 200, "");
        } else if (method.equals("POST") && (path.equals(RUNTIME + "init/error") || path.equals(RUNTIME + "restore/error"))) {
            initError.compareAndSet(null, errorOf(exchange));
            failEverything();
            respond(exchange, 202, "{\"status\":\"OK\"}");
        } else if (method.equals("POST") && path.matches(RUNTIME + "invocation/[^/]+/(response|error)")) {
            String[] idAndAction = path.substring((RUNTIME + "invocation/").length()).split("/");
            Invocation invocation = inFlight.remove(idAndAction[0]);
            if (invocation == null) {
                respond(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            } else if (idAndAction[1].equals("response")) {
                respondToInvocation(exchange, invocation);
            } else {
                String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")).orElse("Unhandled");
                invocation.outcome().complete(new Outcome.Failed(type, errorOf(exchange)));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            }
        } else {
            respond(exchange, 404, "");
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.compareAndSet(null, Instant.now());
        Invocation invocation;
        try {
            do {
                invocation = queued.poll(1, TimeUnit.SECONDS);
            } while (invocation == null || invocation.outcome().isDone());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        }
        inFlight.put(invocation.id(), invocation);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadline().toEpochMilli()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-"
                + invocation.id().replace("-", "").substring(0, 24) + ";Parent=0000000000000000;Sampled=0");
        exchange.sendResponseHeaders(200, invocation.event().length);
        exchange.getResponseBody().write(invocation.event());
    }

    private void respondToInvocation(HttpExchange exchange, Invocation invocation) throws IOException {
        byte[] payload = exchange.getRequestBody().readNBytes(MAX_RESPONSE_BYTES + 1);
        if (payload.length > MAX_RESPONSE_BYTES) {
            String error = "{\"errorMessage\":\"Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES
                    + " bytes).\",\"errorType\":\"RequestEntityTooLarge\"}";
            invocation.outcome().complete(new Outcome.Failed("Function.ResponseSizeTooLarge", error));
            respond(exchange, 413, error);
        } else {
            invocation.outcome().complete(new Outcome.Answered(payload));
            respond(exchange, 202, "{\"status\":\"OK\"}");
        }
    }

    private void failEverything() {
        for (Invocation invocation; (invocation = queued.poll()) != null;) {
            invocation.outcome().complete(new Outcome.Failed("Runtime.InitError", initError.get()));
        }
        inFlight.values().forEach(invocation -> invocation.outcome().complete(new Outcome.Failed("Runtime.InitError", initError.get())));
        inFlight.clear();
    }

    private static String errorOf(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void frontDoor(HttpExchange exchange) throws IOException {
        Outcome outcome = invoke(JSON.writeValueAsString(httpApiEvent(exchange)));
        switch (outcome) {
            case Outcome.Answered answered -> answer(exchange, answered.payload());
            case Outcome.Failed failed -> respond(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            case Outcome.TimedOut late -> respond(exchange, 503, "{\"message\":\"Service Unavailable\"}");
        }
    }

    /** The event API Gateway's HTTP API sends for a request (payload format 2.0). */
    private ObjectNode httpApiEvent(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Instant now = Instant.now();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", uri.getRawPath());
        event.put("rawQueryString", Optional.ofNullable(uri.getRawQuery()).orElse(""));
        ObjectNode headers = event.putObject("headers");
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(value -> List.of(value.split(";\\s*")).forEach(cookies::add));
            }
            if (!HOP_BY_HOP.contains(lower)) {
                headers.put(lower, String.join(",", values));
            }
        });
        headers.put("host", exchange.getRequestHeaders().getFirst("Host"));
        if (!cookies.isEmpty()) {
            event.set("cookies", JSON.valueToTree(cookies));
        }
        if (uri.getRawQuery() != null) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.merge(decode(nameAndValue[0]), nameAndValue.length > 1 ? decode(nameAndValue[1]) : "", (a, b) -> a + "," + b);
            }
            event.set("queryStringParameters", JSON.valueToTree(parameters));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", exchange.getRequestHeaders().getFirst("Host"));
        context.put("domainPrefix", "local");
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", uri.getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            boolean text = isText(exchange.getRequestHeaders().getFirst("Content-Type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** The function's answer as API Gateway reads it: a response object, or else any JSON as a 200's body. */
    private static void answer(HttpExchange exchange, byte[] payload) throws IOException {
        JsonNode response;
        try {
            response = JSON.readTree(payload);
        } catch (RuntimeException notJson) {
            respond(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        if (!response.isObject() || !response.has("statusCode")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, payload.length);
            exchange.getResponseBody().write(payload);
            return;
        }
        var headers = exchange.getResponseHeaders();
        response.path("headers").properties().forEach(header -> headers.set(header.getKey(), header.getValue().asString()));
        response.path("multiValueHeaders").properties().forEach(header -> {
            headers.remove(header.getKey());
            header.getValue().forEach(value -> headers.add(header.getKey(), value.asString()));
        });
        response.path("cookies").forEach(cookie -> headers.add("Set-Cookie", cookie.asString()));
        String body = response.path("body").asString("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.get("statusCode").asInt(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Bodies API Gateway passes as text; all others arrive base64-encoded. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("graphql")
                || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("application/javascript");
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
