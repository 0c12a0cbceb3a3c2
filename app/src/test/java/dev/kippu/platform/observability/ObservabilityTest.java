package dev.kippu.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.kippu.account.UserDirectory;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.RawHttp;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.support.ApiTest;

/** Probes, metrics and logs an operator relies on, including when something fails inside. */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "kippu.graphql.limits.request-timeout=7s") // the shortest that nests around a 6 s AWS call
class ObservabilityTest {

    @LocalServerPort
    int port;

    @MockitoBean
    UserDirectory failingDirectory;

    @Test
    void anUnexpectedFailureIsInternalForTheCallerAndTraceableInTheLogs(CapturedOutput output) {
        given(failingDirectory.lookUp(any())).willThrow(new IllegalStateException("user pool unreachable: secret detail"));
        TestUser user = TestUsers.attendee();

        RawHttp http = KippuApi.onLocalPort(port).http();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + user.accessToken())
                .header("X-Request-Id", "test-request-0001")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}")));

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("test-request-0001");
        assertThat(response.body()).contains("\"code\":\"INTERNAL\"").doesNotContain("secret detail", "IllegalStateException");
        assertThat(output.getOut().lines().filter(line -> line.contains("user pool unreachable: secret detail")))
                .singleElement().asString().contains("\"requestId\":\"test-request-0001\"");
    }

    @Test
    void probesAndMetricsAreServed() {
        assertThat(get("/actuator/health/liveness")).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness")).contains("\"status\":\"UP\"");
        KippuApi.onLocalPort(port).http().query("query listing { events { edges { cursor } } }");
        assertThat(get("/actuator/prometheus")).contains("graphql_request_seconds_count", "graphql_datafetcher_seconds_count",
                "kippu_live_polled_events", "kippu_live_followers", "kippu_live_reads_total");
    }

    @Test
    void metricsTellTheCallersErrorsFromOurs() {
        given(failingDirectory.lookUp(any())).willThrow(new IllegalStateException("user pool unreachable"));
        RawHttp http = KippuApi.onLocalPort(port).http();
        http.query("{ events { noSuchField } }");
        http.query("{ events(first: 101) { edges { cursor } } }");
        http.send(HttpRequest.newBuilder(http.uri("/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestUsers.attendee().accessToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}")));

        List<String> metrics = get("/actuator/prometheus").lines().filter(line -> line.startsWith("graphql_request_")).toList();
        assertThat(metrics).filteredOn(line -> line.startsWith("graphql_request_ValidationError_total")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("graphql_outcome=\"REQUEST_ERROR\""));
        assertThat(metrics).filteredOn(line -> line.startsWith("graphql_request_BAD_REQUEST_total")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("graphql_outcome=\"REQUEST_ERROR\""));
        assertThat(metrics).filteredOn(line -> line.startsWith("graphql_request_INTERNAL_total")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("graphql_outcome=\"INTERNAL_ERROR\""));
        assertThat(count(metrics, "graphql_request_seconds_count", "REQUEST_ERROR")).isGreaterThanOrEqualTo(2);
        assertThat(count(metrics, "graphql_request_seconds_count", "INTERNAL_ERROR"))
                .as("internal errors are exactly the requests that failed inside").isEqualTo(count(metrics, "graphql_request_INTERNAL_total", "INTERNAL_ERROR"));
    }

    @Test
    void aRequestStillRunningAfterTheRequestTimeoutIsAnswered408() {
        given(failingDirectory.lookUp(any())).willAnswer(lookUp -> {
            Thread.sleep(9_000);
            throw new IllegalStateException("too late");
        });
        RawHttp http = KippuApi.onLocalPort(port).http();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestUsers.attendee().accessToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}")));
        assertThat(response.statusCode()).isEqualTo(408);
    }

    private static double count(List<String> metrics, String name, String outcome) {
        return metrics.stream().filter(line -> line.startsWith(name + "{") && line.contains("graphql_outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private String get(String path) {
        return KippuApi.onLocalPort(port).http().get(path).body();
    }
}
