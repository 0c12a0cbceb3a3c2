package dev.kippu.local;

import static dev.kippu.local.LoopbackHttp.respond;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What a Lambda function's runtime talks to, on free loopback ports. The
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html">Runtime API</a> (version
 * 2018-06-01), which a runtime interface client polls for the next invocation and answers; and in
 * front of it an HTTP API ({@link HttpApi}) that turns every HTTP request on its own port into an
 * invocation with an API Gateway HTTP API event and the function's answer back into the HTTP
 * response. Invocations wait in one queue until a runtime asks
 * for the next one; several runtimes, or several threads of one as on Lambda Managed Instances, may
 * ask at once. A runtime with SnapStart asks to be restored after its init ({@code restore/next}), and
 * is, at once: there is no snapshot here, but its hooks run as on Lambda.
 */
public final class LambdaStandIn implements AutoCloseable {

    /** The largest response of a synchronous invocation. */
    public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
    public static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:kippu";
    /** The error Lambda reports for an invocation whose runtime exited before answering it. */
    public static final String RUNTIME_EXIT_ERROR = "Runtime.ExitError";

    private static final String RUNTIME = "/2018-06-01/runtime/";

    private final Duration timeout;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> firstPoll = new AtomicReference<>();
    private final CountDownLatch polled = new CountDownLatch(1);
    private final AtomicReference<Instant> restored = new AtomicReference<>();
    private final AtomicReference<String> initError = new AtomicReference<>();
    /** Why every invocation fails from now on: the runtime's init failed, or it exited. */
    private volatile Outcome.Failed failure;
    private final HttpServer runtimeApi;
    private final HttpApi frontDoor;

    private LambdaStandIn(Duration timeout, boolean withHttpApi) {
        this.timeout = timeout;
        this.runtimeApi = LoopbackHttp.serve(this::runtimeApi, threads);
        this.frontDoor = withHttpApi ? HttpApi.start(this::invoke, threads) : null;
    }

    /** Starts both ports; {@code timeout} is the function's: an invocation not answered within it fails. */
    public static LambdaStandIn start(Duration timeout) {
        return new LambdaStandIn(timeout, true);
    }

    /** Starts the Runtime API alone, for a function whose HTTP API is elsewhere (a {@link LambdaFleet}'s). */
    static LambdaStandIn runtimeApiOnly(Duration timeout) {
        return new LambdaStandIn(timeout, false);
    }

    /** {@code host:port}, what a runtime finds in {@code AWS_LAMBDA_RUNTIME_API}. */
    public String runtimeApiAddress() {
        return "127.0.0.1:" + runtimeApi.getAddress().getPort();
    }

    /** The HTTP API's URL. */
    public URI url() {
        if (frontDoor == null) {
            throw new IllegalStateException("this stand-in has no HTTP API of its own");
        }
        return frontDoor.url();
    }

    /** When a runtime first asked for an invocation: the end of its init. */
    public Optional<Instant> firstPoll() {
        return Optional.ofNullable(firstPoll.get());
    }

    /**
     * Waits for {@code runtime}'s init to end (its first poll); false if it exited, reported an
     * init error or took longer than {@code patience} first.
     */
    public boolean awaitInit(StandInProcess runtime, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        try {
            while (runtime.isAlive() && initError.get() == null && Instant.now().isBefore(deadline)) {
                if (polled.await(50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return firstPoll.get() != null;
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
        if (failure != null) {
            return failure;
        }
        queued.add(invocation);
        if (failure != null) {
            // the failure came between the check and the queue, perhaps after its sweep of the queue
            invocation.outcome().complete(failure);
        }
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

    /** The runtime's process is gone: what waits for it or is in its hands fails as on Lambda. */
    void runtimeExited(String reason) {
        failEverything(new Outcome.Failed(RUNTIME_EXIT_ERROR, reason));
    }

    @Override
    public void close() {
        if (frontDoor != null) {
            frontDoor.close();
        }
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
            failEverything(new Outcome.Failed("Runtime.InitError", initError.get()));
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
        polled.countDown();
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

    private void failEverything(Outcome.Failed failure) {
        this.failure = failure;
        for (Invocation invocation; (invocation = queued.poll()) != null;) {
            invocation.outcome().complete(failure);
        }
        inFlight.values().forEach(invocation -> invocation.outcome().complete(failure));
        inFlight.clear();
    }

    private static String errorOf(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }
}
