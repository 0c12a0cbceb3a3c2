package dev.kippu.lambda;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kippu.contract.EventInputs;
import dev.kippu.contract.JarLauncher;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuLauncher.Running;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Lambda path against the Tomcat path, side by side in one run ({@code ./kippu bench lambda}):
 * Kippu's executable jar, and its HTTP function with SnapStart's hooks under the Runtime API
 * stand-in's HTTP API, on the same stand-ins and table; the same requests, one at a time, sent to
 * each in turn (which goes first alternates), after a warm-up; each path's latency percentiles and
 * their ratio, printed and written as JSON to {@code target/latency-<time>.json}.
 */
public final class LatencyComparison {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int WARM_UP = 300;

    private LatencyComparison() {
    }

    record Operation(String name, String query, String accessToken) {
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

    public static void main(String[] arguments) throws Exception {
        int requests = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 2_000;
        Map<String, String> settings = KippuStandIns.shared().properties();
        try (Running tomcat = new JarLauncher().start(settings); Running lambda = new LambdaLauncher().start(settings)) {
            TestUser organizer = TestUsers.organizer();
            TestUser attendee = TestUsers.attendee();
            for (int i = 0; i < 10; i++) {
                EventInputs.published(KippuApi.at(tomcat.baseUrl()).as(organizer), 100);
            }
            List<Operation> operations = List.of(
                    new Operation("events, anonymous", "{ events(first: 10) { edges { node { id title startsAt seatsRemaining status } } } }", null),
                    new Operation("me, signed in", "{ me { id displayName email roles } }", attendee.accessToken()));
            Map<String, Object> results = new LinkedHashMap<>();
            System.out.printf("%-20s %-7s %8s %8s %8s%n", "operation", "path", "p50 ms", "p90 ms", "p99 ms");
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
                System.out.printf("%-20s %-7s %8.2f %8.2f %8.2f%n", operation.name(), "tomcat", tomcatPercentiles.p50(), tomcatPercentiles.p90(), tomcatPercentiles.p99());
                System.out.printf("%-20s %-7s %8.2f %8.2f %8.2f%n", "", "lambda", lambdaPercentiles.p50(), lambdaPercentiles.p90(), lambdaPercentiles.p99());
                System.out.printf("%-20s %-7s %8.2f %8s %8.2f%n", "", "ratio", lambdaPercentiles.p50() / tomcatPercentiles.p50(), "",
                        lambdaPercentiles.p99() / tomcatPercentiles.p99());
                results.put(operation.name(), Map.of("tomcat", tomcatPercentiles, "lambda", lambdaPercentiles,
                        "ratioP50", lambdaPercentiles.p50() / tomcatPercentiles.p50(), "ratioP99", lambdaPercentiles.p99() / tomcatPercentiles.p99()));
            }
            Path report = Path.of("target", "latency-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "") + ".json");
            Files.writeString(report, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of(
                    "requestsPerPathAndOperation", requests, "warmUp", WARM_UP, "operations", results)));
            System.out.println("Written to " + report.toAbsolutePath());
        }
        System.exit(0);
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
