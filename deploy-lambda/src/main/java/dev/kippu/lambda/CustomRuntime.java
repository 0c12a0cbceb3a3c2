package dev.kippu.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bootstrap of the native function, on Lambda's {@code provided.al2023} runtime: what the java
 * runtimes' interface client does for a handler, for this artifact's three, as a loop over the
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html">Runtime API</a>. The
 * handler named in {@code _HANDLER} is created (and with it Kippu started) in the init phase, whose
 * failure is reported to {@code init/error}; then each invocation is fetched from
 * {@code invocation/next}, handled, and answered to its {@code response}, or to its {@code error}
 * when the handler throws. One invocation at a time, as Lambda gives an environment of this runtime.
 * It is also the main class the build's Spring AOT processing runs, so that the context it generates
 * is the one the executable starts: the initializer it looks for is named after this class.
 */
public final class CustomRuntime {

    private static final Logger log = LoggerFactory.getLogger(CustomRuntime.class);
    private static final String API = "/2018-06-01/runtime/";
    private static final String TRACE_HEADER = "com.amazonaws.xray.traceHeader";
    /** Lambda's event JSON into the events library's types: {@code Records}, {@code eventSourceARN}. */
    private static final JsonMapper EVENTS = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI runtimeApi;

    CustomRuntime(String runtimeApiAddress) {
        this.runtimeApi = URI.create("http://" + runtimeApiAddress + API);
    }

    /** The handler is {@code _HANDLER}'s, or the first argument's (as the build's Spring AOT processing gives it). */
    public static void main(String[] arguments) {
        CustomRuntime runtime = new CustomRuntime(System.getenv("AWS_LAMBDA_RUNTIME_API"));
        Optional<Handler> handler = runtime.init(arguments.length > 0 ? arguments[0] : System.getenv("_HANDLER"));
        try {
            handler.ifPresent(runtime::serve);
        } catch (RuntimeException | Error e) {
            log.error("The runtime can no longer serve this environment", e);
        } finally {
            // serve ends only when the environment cannot go on; the application's threads must not keep it alive
            Runtime.getRuntime().halt(1);
        }
    }

    /** The init phase: the handler, or nothing once its failure is reported to the Runtime API. */
    Optional<Handler> init(String handlerName) {
        try {
            return Optional.of(handler(handlerName));
        } catch (SpringApplication.AbandonedRunException buildTime) {
            // Spring AOT's processing, in the build, ends the start here, with the context it came for
            throw buildTime;
        } catch (RuntimeException | LinkageError e) {
            log.error("The function's init failed", e);
            report("init/error", e);
            return Optional.empty();
        }
    }

    /** A handler of this artifact, as its invocations reach it: the event's bytes in, the response's out. */
    @FunctionalInterface
    interface Handler {
        byte[] handle(byte[] event, InvocationContext context) throws IOException;
    }

    /** The handler that {@code _HANDLER} names, as the function's configuration gives it ({@code class::method}). */
    static Handler handler(String name) {
        String type = Optional.ofNullable(name).map(value -> value.split("::")[0]).orElse("");
        return switch (type) {
            case "dev.kippu.lambda.HttpHandler" -> {
                HttpHandler handler = new HttpHandler();
                yield (event, context) -> {
                    ByteArrayOutputStream response = new ByteArrayOutputStream();
                    handler.handleRequest(new ByteArrayInputStream(event), response, context);
                    return response.toByteArray();
                };
            }
            case "dev.kippu.lambda.EmailQueueHandler" -> {
                EmailQueueHandler handler = new EmailQueueHandler();
                yield (event, context) -> EVENTS.writeValueAsBytes(handler.handleRequest(EVENTS.readValue(event, SQSEvent.class), context));
            }
            case "dev.kippu.lambda.ScheduleHandler" -> {
                ScheduleHandler handler = new ScheduleHandler();
                yield (event, context) -> EVENTS.writeValueAsBytes(handler.handleRequest(EVENTS.readValue(event, Map.class), context));
            }
            default -> throw new IllegalArgumentException("_HANDLER names no handler of this function: " + name);
        };
    }

    /** Takes invocations one after another, for as long as the environment lives. */
    void serve(Handler handler) {
        for (;;) {
            HttpResponse<byte[]> next = send(HttpRequest.newBuilder(runtimeApi.resolve("invocation/next")).GET().build());
            if (next.statusCode() != 200) {
                throw new IllegalStateException("the Runtime API answered invocation/next with " + next.statusCode());
            }
            InvocationContext context = context(next);
            try {
                byte[] response = handler.handle(next.body(), context);
                HttpResponse<byte[]> accepted = send(HttpRequest.newBuilder(runtimeApi.resolve("invocation/" + context.awsRequestId() + "/response"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(response)).build());
                if (accepted.statusCode() != 202) {
                    // refused: the Runtime API failed the invocation itself (a response over 6 MB: 413)
                    log.warn("The response to {} was refused with {}: {}", context.awsRequestId(), accepted.statusCode(), new String(accepted.body(), StandardCharsets.UTF_8));
                    exitOnContainerError(accepted);
                }
            } catch (IOException | RuntimeException e) {
                log.error("Invocation {} failed", context.awsRequestId(), e);
                report("invocation/" + context.awsRequestId() + "/error", e);
            } catch (Error fatal) {
                // the environment is not to be trusted with another invocation: Lambda starts a new one
                log.error("Invocation {} failed, and with it the environment", context.awsRequestId(), fatal);
                try {
                    report("invocation/" + context.awsRequestId() + "/error", fatal);
                } finally {
                    Runtime.getRuntime().halt(1);
                }
            }
        }
    }

    private static InvocationContext context(HttpResponse<byte[]> next) {
        var headers = next.headers();
        String traceId = headers.firstValue("Lambda-Runtime-Trace-Id").orElse(null);
        // where the X-Ray SDK and AWS clients look for the invocation's trace, as the java runtimes set it
        if (traceId != null) {
            System.setProperty(TRACE_HEADER, traceId);
        } else {
            System.clearProperty(TRACE_HEADER);
        }
        return new InvocationContext(
                headers.firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow(() -> new IllegalStateException("an invocation without a request id")),
                headers.firstValue("Lambda-Runtime-Invoked-Function-Arn").orElse(""),
                Instant.ofEpochMilli(headers.firstValueAsLong("Lambda-Runtime-Deadline-Ms").orElse(Long.MAX_VALUE / 2)),
                traceId);
    }

    /** An error as the Runtime API takes it: its type in a header and in the body, with the message and stack trace. */
    private void report(String path, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        byte[] body = EVENTS.writeValueAsBytes(Map.of(
                "errorType", error.getClass().getName(),
                "errorMessage", String.valueOf(error.getMessage()),
                "stackTrace", Arrays.asList(trace.toString().split("\n"))));
        exitOnContainerError(send(HttpRequest.newBuilder(runtimeApi.resolve(path))
                .header("Lambda-Runtime-Function-Error-Type", error.getClass().getName())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()));
    }

    /** The Runtime API's 500: a container error, from which the runtime must exit at once. */
    private static void exitOnContainerError(HttpResponse<byte[]> answer) {
        if (answer.statusCode() == 500) {
            log.error("The Runtime API reports a container error; the runtime exits");
            Runtime.getRuntime().halt(1);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("the Runtime API could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
