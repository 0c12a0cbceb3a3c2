package dev.kippu.lambda;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import dev.kippu.contract.EventInputs;
import dev.kippu.contract.JarLauncher;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuLauncher.Running;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.local.ContainerCredentialsStandIn;
import dev.kippu.local.LambdaStandIn;
import dev.kippu.local.StandInProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./kippu bench lambda [N]}, on the local stand-ins. First the HTTP function's cold starts,
 * three each with SnapStart's hooks and without (on demand): from the process's spawn to its restore
 * and to its first {@code next} (the init; there is no snapshot here, so SnapStart's init is the
 * init plus the priming), then its first and second invocations. Then the Lambda path against the
 * Tomcat path, side by side: Kippu's executable jar and the SnapStart function on the same table;
 * the same requests, one at a time, to each in turn (which goes first alternates), after a warm-up;
 * each path's latency percentiles and their ratio. Last, what the stand-in itself adds to that path.
 * Printed, and written as JSON to
 * {@code target/lambda-benchmark-<time>.json}.
 */
public final class LambdaBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int COLD_STARTS = 3;
    private static final int WARM_UP = 300;
    private static final String EVENTS = "{ events(first: 10) { edges { node { id title startsAt seatsRemaining status } } } }";

    private LambdaBenchmark() {
    }

    record Operation(String name, String query, String accessToken) {
    }

    record ColdStart(LambdaLauncher.Variant variant, double initMillis, Double restoredMillis, double firstInvocationMillis,
            double secondInvocationMillis) {
    }

    record Percentiles(double p50, double p90, double p99) {

        static Percentiles of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Percentiles(millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99));
        }

        private static double millis(long[] sorted, double quantile) {
            return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
        }
    }

    /** Exits either way, which stops the stand-ins: the SQS stand-in's threads would keep a JVM whose main failed alive. */
    public static void main(String[] arguments) {
        try {
            int requests = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 2_000;
            Map<String, String> settings = KippuStandIns.shared().properties();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("coldStarts", coldStarts(settings));
            report.put("latency", latency(settings, requests));
            report.put("standInHops", standInHops(requests));
            Path file = Path.of("target", "lambda-benchmark-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "") + ".json");
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            System.out.println("Written to " + file.toAbsolutePath());
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static List<ColdStart> coldStarts(Map<String, String> settings) throws Exception {
        List<ColdStart> starts = new ArrayList<>();
        System.out.printf("%-11s %10s %12s %14s %15s%n", "variant", "init ms", "restored ms", "1st invoc. ms", "2nd invoc. ms");
        for (int run = 0; run < COLD_STARTS; run++) {
            for (LambdaLauncher.Variant variant : List.of(LambdaLauncher.Variant.SNAP_START, LambdaLauncher.Variant.ON_DEMAND)) {
                try (LambdaStandIn lambda = LambdaStandIn.start(Duration.ofSeconds(30));
                        ContainerCredentialsStandIn credentials = LambdaLauncher.credentialsEndpoint(settings)) {
                    Instant spawned = Instant.now();
                    StandInProcess function = new LambdaLauncher(variant).startFunction("kippu-cold-start", HttpHandler.class, lambda, settings, credentials);
                    try (function) {
                        double init = Duration.between(spawned, lambda.firstPoll().orElseThrow()).toNanos() / 1e6;
                        Double restored = lambda.restored().map(at -> Duration.between(spawned, at).toNanos() / 1e6).orElse(null);
                        Operation events = new Operation("events", EVENTS, null);
                        ColdStart start = new ColdStart(variant, init, restored, send(lambda.url(), events) / 1e6, send(lambda.url(), events) / 1e6);
                        starts.add(start);
                        System.out.printf("%-11s %10.0f %12s %14.1f %15.1f%n", variant.target, start.initMillis(),
                                restored == null ? "-" : String.format("%.0f", restored), start.firstInvocationMillis(), start.secondInvocationMillis());
                    }
                }
            }
        }
        return starts;
    }

    private static Map<String, Object> latency(Map<String, String> settings, int requests) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        try (Running tomcat = new JarLauncher().start(settings); Running lambda = new LambdaLauncher().start(settings)) {
            TestUser organizer = TestUsers.organizer();
            for (int i = 0; i < 10; i++) {
                EventInputs.published(KippuApi.at(tomcat.baseUrl()).as(organizer), 100);
            }
            List<Operation> operations = List.of(
                    new Operation("events, anonymous", EVENTS, null),
                    new Operation("me, signed in", "{ me { id displayName email roles } }", TestUsers.attendee().accessToken()));
            System.out.printf("%n%-20s %-7s %8s %8s %8s%n", "operation", "path", "p50 ms", "p90 ms", "p99 ms");
            for (Operation operation : operations) {
                for (int i = 0; i < WARM_UP; i++) {
                    send(tomcat.baseUrl(), operation);
                    send(lambda.baseUrl(), operation);
                }
                long[] overTomcat = new long[requests];
                long[] overLambda = new long[requests];
                for (int i = 0; i < requests; i++) {
                    if (i % 2 == 0) {
                        overTomcat[i] = send(tomcat.baseUrl(), operation);
                        overLambda[i] = send(lambda.baseUrl(), operation);
                    } else {
                        overLambda[i] = send(lambda.baseUrl(), operation);
                        overTomcat[i] = send(tomcat.baseUrl(), operation);
                    }
                }
                Percentiles tomcatPercentiles = Percentiles.of(overTomcat);
                Percentiles lambdaPercentiles = Percentiles.of(overLambda);
                double ratioP50 = lambdaPercentiles.p50() / tomcatPercentiles.p50();
                double ratioP99 = lambdaPercentiles.p99() / tomcatPercentiles.p99();
                System.out.printf("%-20s %-7s %8.2f %8.2f %8.2f%n", operation.name(), "tomcat", tomcatPercentiles.p50(), tomcatPercentiles.p90(), tomcatPercentiles.p99());
                System.out.printf("%-20s %-7s %8.2f %8.2f %8.2f%n", "", "lambda", lambdaPercentiles.p50(), lambdaPercentiles.p90(), lambdaPercentiles.p99());
                System.out.printf("%-20s %-7s %8.2f %8s %8.2f%n", "", "ratio", ratioP50, "", ratioP99);
                results.put(operation.name(), Map.of("requests", requests, "warmUp", WARM_UP, "tomcat", tomcatPercentiles, "lambda", lambdaPercentiles,
                        "ratioP50", ratioP50, "ratioP99", ratioP99));
            }
        }
        return results;
    }

    /**
     * What the stand-in itself adds to the Lambda path: the same fixed answer from a bare JDK HTTP
     * server, and from a function that does nothing behind the stand-in's HTTP API (its two
     * loopback hops, the event's JSON both ways, the Runtime API's long poll); Lambda's own front
     * door and service are in front of every function in AWS too, but not these.
     */
    private static Map<String, Object> standInHops(int requests) throws Exception {
        byte[] answer = "{\"data\":{\"events\":{\"edges\":[]}}}".getBytes(StandardCharsets.UTF_8);
        String response = JSON.writeValueAsString(Map.of("statusCode", 200, "headers", Map.of("Content-Type", "application/json"),
                "body", new String(answer, StandardCharsets.UTF_8), "isBase64Encoded", false));
        HttpServer direct = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        direct.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        direct.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        direct.start();
        try (LambdaStandIn lambda = LambdaStandIn.start(Duration.ofSeconds(30))) {
            Thread loop = Thread.ofVirtual().start(() -> {
                try {
                    new CustomRuntime(lambda.runtimeApiAddress()).serve((event, context) -> response.getBytes(StandardCharsets.UTF_8));
                } catch (IllegalStateException stopped) {
                    // interrupted below, once measured
                }
            });
            URI bare = URI.create("http://127.0.0.1:" + direct.getAddress().getPort());
            Operation nothing = new Operation("nothing", EVENTS, null);
            for (int i = 0; i < WARM_UP; i++) {
                send(bare, nothing);
                send(lambda.url(), nothing);
            }
            long[] overBare = new long[requests];
            long[] overStandIn = new long[requests];
            for (int i = 0; i < requests; i++) {
                overBare[i] = send(bare, nothing);
                overStandIn[i] = send(lambda.url(), nothing);
            }
            Percentiles bareServer = Percentiles.of(overBare);
            Percentiles throughStandIn = Percentiles.of(overStandIn);
            System.out.printf("%n%-20s %-7s %8.2f %8.2f %8.2f%n", "a fixed answer", "server", bareServer.p50(), bareServer.p90(), bareServer.p99());
            System.out.printf("%-20s %-7s %8.2f %8.2f %8.2f%n", "", "lambda", throughStandIn.p50(), throughStandIn.p90(), throughStandIn.p99());
            loop.interrupt();
            return Map.of("bareServer", bareServer, "throughTheStandIn", throughStandIn);
        } finally {
            direct.stop(0);
        }
    }

    /** One request; its latency in nanoseconds, or the run stops if it was not answered correctly. */
    private static long send(URI baseUrl, Operation operation) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve("/graphql"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", operation.query()))));
        if (operation.accessToken() != null) {
            request.header("Authorization", "Bearer " + operation.accessToken());
        }
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException(baseUrl + " answered " + operation.name() + " with " + response.statusCode() + ": " + response.body());
        }
        return took;
    }
}
