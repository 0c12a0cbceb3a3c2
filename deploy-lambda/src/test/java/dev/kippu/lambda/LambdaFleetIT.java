package dev.kippu.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.kippu.contract.KippuLauncher.ColdStart;
import dev.kippu.contract.KippuLauncher.Running;
import dev.kippu.contract.KippuStandIns;

/** The HTTP function from the zip's jars in a fleet of execution environments, scaling out on concurrent requests and reusing idle ones. */
class LambdaFleetIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void concurrentRequestsLaunchAnEnvironmentEachAndSequentialOnesReuseThem() throws Exception {
        List<ProcessHandle> processes;
        try (Running kippu = new LambdaLauncher.Fleet().start(KippuStandIns.shared().properties());
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<HttpResponse<String>>> concurrent = List.of(
                    callers.submit(() -> upcomingEvents(kippu, together)), callers.submit(() -> upcomingEvents(kippu, together)));
            for (Future<HttpResponse<String>> response : concurrent) {
                assertThat(response.get(120, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            List<ColdStart> afterConcurrent = kippu.coldStarts();

            for (int i = 0; i < 3; i++) {
                assertThat(upcomingEvents(kippu).statusCode()).isEqualTo(200);
            }

            assertThat(afterConcurrent).hasSize(2);
            assertThat(kippu.coldStarts()).isEqualTo(afterConcurrent);
            // the second environment was launched for its request, whose latency holds its init
            assertThat(afterConcurrent.getLast().firstRequest()).isGreaterThan(afterConcurrent.getLast().init());
            processes = kippu.processes();
            // two environments of the HTTP function, and the e-mail and schedule functions
            assertThat(processes).hasSize(4).allMatch(ProcessHandle::isAlive).doesNotHaveDuplicates();
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    private static HttpResponse<String> upcomingEvents(Running kippu, CyclicBarrier together) throws Exception {
        together.await();
        return upcomingEvents(kippu);
    }

    private static HttpResponse<String> upcomingEvents(Running kippu) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(kippu.baseUrl().resolve("/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ events(first: 5) { edges { node { id title } } } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
