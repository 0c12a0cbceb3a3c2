package dev.kippu.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fleet with real execution environments: each a JVM running {@link EchoRuntime}, which answers with its process id. */
class LambdaFleetTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<StandInProcess> processes = new ArrayList<>();
    private LambdaFleet fleet;

    @AfterEach
    void stop() {
        callers.shutdownNow();
        if (fleet != null) {
            fleet.close();
        }
        assertThat(processes).noneMatch(StandInProcess::isAlive);
    }

    @Test
    void sequentialRequestsAreServedByTheOneEnvironmentStartedFirst() throws Exception {
        fleet = fleet(4);

        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            servedBy.add(get("/").body());
        }

        assertThat(fleet.environments()).singleElement().satisfies(environment -> {
            assertThat(environment.invocations()).isEqualTo(5);
            assertThat(environment.init()).isPresent();
            assertThat(environment.firstInvocation()).isPresent();
            assertThat(servedBy).containsOnly(Long.toString(environment.process().pid()));
        });
        assertThat(fleet.waited()).isZero();
    }

    @Test
    void concurrentRequestsLaunchAnEnvironmentEachAndWaitForItsInit() throws Exception {
        fleet = fleet(4);

        List<HttpResponse<String>> responses = concurrently(3, "/?delay=1500");

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(responses).extracting(HttpResponse::body).doesNotHaveDuplicates();
        List<LambdaFleet.Environment> environments = fleet.environments();
        assertThat(environments).hasSize(3).allSatisfy(environment -> assertThat(environment.invocations()).isEqualTo(1));
        // the two launched for a request: its latency holds their init
        assertThat(environments.subList(1, 3)).allSatisfy(environment ->
                assertThat(environment.firstInvocation().orElseThrow()).isGreaterThan(environment.init().orElseThrow()));
        assertThat(fleet.waited()).isZero();
    }

    @Test
    void atTheMaximumARequestWaitsForTheNextIdleEnvironment() throws Exception {
        fleet = fleet(2);

        List<HttpResponse<String>> responses = concurrently(3, "/?delay=1000");

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(fleet.environments()).hasSize(2);
        assertThat(fleet.environments()).extracting(LambdaFleet.Environment::invocations).containsExactlyInAnyOrder(1, 2);
        assertThat(fleet.waited()).isEqualTo(1);
    }

    @Test
    void anEnvironmentThatDiesMidInvocationIsA502AndTheNextRequestGetsAFreshOne() throws Exception {
        fleet = fleet(4);
        LambdaFleet.Environment first = fleet.environments().getFirst();

        HttpResponse<String> died = get("/?exit");
        HttpResponse<String> next = get("/");

        assertThat(died.statusCode()).isEqualTo(502);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(first.process().isAlive()).isFalse();
        assertThat(fleet.environments()).hasSize(2).last().satisfies(fresh ->
                assertThat(next.body()).isEqualTo(Long.toString(fresh.process().pid())));
    }

    @Test
    void aFirstEnvironmentThatExitsInItsInitFailsTheStart() {
        assertThatThrownBy(() -> fleet(4, "-version")).isInstanceOf(IllegalStateException.class).hasMessageContaining("did not finish its init");

        assertThat(processes).hasSize(1);
    }

    @Test
    void closingStopsEveryEnvironment() throws Exception {
        fleet = fleet(4);
        concurrently(2, "/?delay=500");

        fleet.close();

        assertThat(fleet.environments()).hasSize(2).allSatisfy(environment -> assertThat(environment.process().isAlive()).isFalse());
        assertThat(processes).hasSize(2).noneMatch(StandInProcess::isAlive);
    }

    private LambdaFleet fleet(int maxEnvironments) {
        return fleet(maxEnvironments, "-cp", System.getProperty("java.class.path"), EchoRuntime.class.getName());
    }

    /** A fleet whose environments run {@code java} with these arguments. */
    private LambdaFleet fleet(int maxEnvironments, String... javaArguments) {
        return LambdaFleet.start(Duration.ofSeconds(10), Duration.ofSeconds(30), maxEnvironments, (id, runtimeApiAddress) -> {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx32m", "-XX:TieredStopAtLevel=1"));
            command.addAll(List.of(javaArguments));
            StandInProcess process = StandInProcess.start("runtime-" + id, command, Map.of("AWS_LAMBDA_RUNTIME_API", runtimeApiAddress),
                    Integer.parseInt(runtimeApiAddress.substring(runtimeApiAddress.lastIndexOf(':') + 1)), Duration.ofSeconds(10));
            synchronized (processes) {
                processes.add(process);
            }
            return process;
        });
    }

    private List<HttpResponse<String>> concurrently(int requests, String path) throws Exception {
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            sent.add(callers.submit(() -> get(path)));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> response : sent) {
            responses.add(response.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(fleet.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
