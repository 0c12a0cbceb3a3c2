package dev.kippu.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stand-in against the Runtime API as documented: a runtime here is a plain loop of {@code next}
 * and {@code response}/{@code error} calls, as a runtime interface client makes them.
 */
class LambdaStandInTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LambdaStandIn lambda = LambdaStandIn.start(Duration.ofSeconds(5));
    private final ExecutorService runtimes = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        runtimes.shutdownNow();
        lambda.close();
    }

    @Test
    void anHttpRequestArrivesAsAnHttpApiEventAndTheResponseObjectBecomesTheHttpResponse() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        runtime(event -> {
            events.add(event);
            return "{\"statusCode\":201,\"headers\":{\"content-type\":\"application/json\"},\"multiValueHeaders\":{\"x-many\":[\"a\",\"b\"]},"
                    + "\"cookies\":[\"session=1; Path=/\"],\"body\":\"{\\\"ok\\\":true}\",\"isBase64Encoded\":false}";
        });

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(lambda.url().resolve("/graphql?first=5&tag=a&tag=b"))
                .header("Content-Type", "application/json").header("Cookie", "a=1; b=2").header("X-Repeated", "one")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ events { id } }\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(response.headers().allValues("x-many")).containsExactly("a", "b");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=1; Path=/");
        JsonNode event = events.getFirst();
        assertThat(event.get("version").asString()).isEqualTo("2.0");
        assertThat(event.get("rawPath").asString()).isEqualTo("/graphql");
        assertThat(event.get("rawQueryString").asString()).isEqualTo("first=5&tag=a&tag=b");
        assertThat(event.at("/queryStringParameters/tag").asString()).isEqualTo("a,b");
        assertThat(event.at("/requestContext/http/method").asString()).isEqualTo("POST");
        assertThat(event.at("/requestContext/http/sourceIp").asString()).isEqualTo("127.0.0.1");
        assertThat(event.at("/headers/content-type").asString()).isEqualTo("application/json");
        assertThat(event.at("/headers/x-repeated").asString()).isEqualTo("one");
        assertThat(event.get("headers").has("cookie")).isFalse();
        assertThat(event.get("cookies").valueStream().map(JsonNode::asString)).containsExactly("a=1", "b=2");
        assertThat(event.get("body").asString()).isEqualTo("{\"query\":\"{ events { id } }\"}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void binaryBodiesTravelBase64EncodedBothWays() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        runtime(event -> {
            assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
            return "{\"statusCode\":200,\"headers\":{\"content-type\":\"image/png\"},\"body\":\"" + event.get("body").asString() + "\",\"isBase64Encoded\":true}";
        });

        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(lambda.url().resolve("/echo"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.body()).isEqualTo(png);
    }

    @Test
    void aResponseThatIsNotAResponseObjectIsTheBodyOfA200() throws Exception {
        runtime(event -> "{\"plain\":\"json\"}");

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(lambda.url()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"plain\":\"json\"}");
    }

    @Test
    void aFunctionErrorIsA500ForTheCallerAndTheErrorForAnEventSource() throws Exception {
        runtimes.submit(() -> {
            for (;;) {
                HttpResponse<String> next = next();
                post("invocation/" + next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow() + "/error",
                        "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}", "Unhandled");
            }
        });

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(lambda.url()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(lambda.invoke("{}")).isInstanceOfSatisfying(LambdaStandIn.Outcome.Failed.class, failed -> {
            assertThat(failed.errorType()).isEqualTo("Unhandled");
            assertThat(failed.error()).contains("boom");
        });
    }

    @Test
    void aResponseOverSixMegabytesIsRefusedAndTheCallerGetsA500() throws Exception {
        // the runtime learns of the refusal from its own POST, which may end after the caller's answer
        Future<Integer> refusal = runtimes.submit(() -> {
            HttpResponse<String> next = next();
            return post("invocation/" + next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow() + "/response",
                    "\"" + "x".repeat(LambdaStandIn.MAX_RESPONSE_BYTES) + "\"", null).statusCode();
        });

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(lambda.url()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(refusal.get(5, TimeUnit.SECONDS)).isEqualTo(413);
    }

    @Test
    void anInitErrorFailsWhatWaitsAndEveryLaterInvocation() throws Exception {
        Future<LambdaStandIn.Outcome> waiting = runtimes.submit(() -> lambda.invoke("{}"));
        Thread.sleep(100);

        post("init/error", "{\"errorMessage\":\"no table\",\"errorType\":\"Runtime.ExitError\"}", "Runtime.ExitError");

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isInstanceOf(LambdaStandIn.Outcome.Failed.class);
        assertThat(lambda.invoke("{}")).isInstanceOf(LambdaStandIn.Outcome.Failed.class);
        assertThat(lambda.initError()).hasValueSatisfying(error -> assertThat(error).contains("no table"));
    }

    @Test
    void aSnapStartRuntimeIsRestoredAtOnceAndARestoreErrorFailsEveryInvocation() throws Exception {
        HttpResponse<String> restore = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + lambda.runtimeApiAddress()
                + "/2018-06-01/runtime/restore/next")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(restore.statusCode()).isEqualTo(200);
        assertThat(lambda.restored()).isPresent();

        post("restore/error", "{\"errorMessage\":\"hook failed\",\"errorType\":\"Runtime.AfterRestoreError\"}", "Runtime.AfterRestoreError");

        assertThat(lambda.invoke("{}")).isInstanceOf(LambdaStandIn.Outcome.Failed.class);
        assertThat(lambda.initError()).hasValueSatisfying(error -> assertThat(error).contains("hook failed"));
    }

    @Test
    void anUnansweredInvocationTimesOutAndALateAnswerIsRefused() throws Exception {
        LambdaStandIn quick = LambdaStandIn.start(Duration.ofMillis(300));
        try (quick) {
            Future<HttpResponse<String>> taken = runtimes.submit(() -> HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://" + quick.runtimeApiAddress() + "/2018-06-01/runtime/invocation/next")).GET().build(), HttpResponse.BodyHandlers.ofString()));

            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(quick.url()).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            String id = taken.get(5, TimeUnit.SECONDS).headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://" + quick.runtimeApiAddress() + "/2018-06-01/runtime/invocation/" + id + "/response"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void severalPollersOfOneEnvironmentEachTakeTheirOwnInvocations() throws Exception {
        int pollers = 4;
        int invocations = 40;
        CountDownLatch allPolling = new CountDownLatch(pollers);
        var byPoller = new ConcurrentHashMap<Integer, Integer>();
        for (int poller = 0; poller < pollers; poller++) {
            int me = poller;
            runtimes.submit(() -> {
                allPolling.countDown();
                for (;;) {
                    HttpResponse<String> next = next();
                    byPoller.merge(me, 1, Integer::sum);
                    Thread.sleep(20);
                    post("invocation/" + next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow() + "/response",
                            "{\"echo\":" + next.body() + "}", null);
                }
            });
        }
        allPolling.await();
        Instant before = Instant.now();

        List<Future<LambdaStandIn.Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < invocations; i++) {
            int n = i;
            outcomes.add(runtimes.submit(() -> lambda.invoke("{\"n\":" + n + "}")));
        }
        for (int i = 0; i < invocations; i++) {
            String echo = "{\"echo\":{\"n\":" + i + "}}";
            assertThat(outcomes.get(i).get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(LambdaStandIn.Outcome.Answered.class,
                    answered -> assertThat(answered.text()).isEqualTo(echo));
        }

        assertThat(byPoller).hasSize(pollers);
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofMillis(invocations * 20));
        assertThat(lambda.firstPoll()).hasValueSatisfying(first -> assertThat(first).isBefore(Instant.now()));
    }

    private void runtime(Function<JsonNode, String> function) {
        runtimes.submit(() -> {
            for (;;) {
                HttpResponse<String> next = next();
                assertThat(next.headers().firstValue("Lambda-Runtime-Deadline-Ms")).isPresent();
                assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).hasValue(LambdaStandIn.FUNCTION_ARN);
                String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                post("invocation/" + id + "/response", function.apply(JSON.readTree(next.body())), null);
            }
        });
    }

    private HttpResponse<String> next() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + lambda.runtimeApiAddress() + "/2018-06-01/runtime/invocation/next")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String errorType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + lambda.runtimeApiAddress() + "/2018-06-01/runtime/" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (errorType != null) {
            request.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
