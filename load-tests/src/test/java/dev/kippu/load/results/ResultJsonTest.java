package dev.kippu.load.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.kippu.contract.KippuLauncher.ColdStart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The result JSON from stats.json files that Gatling 3.13.4 wrote: a smoke run whose createEvent failed once, a flash sale of 300 buyers. */
class ResultJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResultJson.Run RUN = new ResultJson.Run("local", "executable jar", URI.create("http://127.0.0.1:8080"), "smoke",
            "0.1.0-SNAPSHOT", Instant.parse("2026-12-01T20:21:00Z"), Instant.parse("2026-12-01T20:21:02Z"), "3.13.4", "target/gatling/run", true);
    private static final ResultJson.Machine MACHINE = new ResultJson.Machine(2, "Linux 6.1 amd64", "25");

    @Test
    @SuppressWarnings("unchecked")
    void everyRequestIsAnOperationOfItsGroupWithItsCountsPercentilesAndThroughput() throws IOException {
        Map<String, Object> result = ResultJson.build(RUN, MACHINE, fixture("smoke"), Map.of(), Map.of(), Optional.empty(), ResultJson.Observed.NOTHING);

        List<Map<String, Object>> operations = operations(result);
        assertThat(operations).extracting(operation -> operation.get("group") + " / " + operation.get("operation"))
                .containsExactly("book / bookSeats", "browse / events", "browse / event", "organise / createEvent");
        Map<String, Object> createEvent = operations.get(3);
        assertThat(createEvent.get("requests")).isEqualTo(Map.of("total", 1, "ok", 0, "failed", 1));
        Map<String, Object> bookSeats = operations.getFirst();
        assertThat((Map<String, Object>) bookSeats.get("latencyMillis")).containsEntry("min", 279).containsEntry("p95", 289).containsEntry("p99", 289);
        assertThat(bookSeats.get("requestsPerSecond")).isEqualTo(2.0);
        assertThat(((Map<String, Object>) result.get("all")).get("requests")).isEqualTo(Map.of("total", 7, "ok", 6, "failed", 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLatenciesAreGatlingsFourPercentilesBetweenTheFastestAndTheSlowest() throws IOException {
        Map<String, Object> all = (Map<String, Object>) ResultJson.build(RUN, MACHINE, fixture("flashsale"), Map.of(), Map.of(), Optional.empty(), ResultJson.Observed.NOTHING).get("all");

        assertThat(all.get("latencyMillis")).isEqualTo(Map.of("min", 5149, "p50", 7604, "p75", 8148, "p95", 8355, "p99", 8397,
                "max", 8404, "mean", 7456, "stddev", 730));
        assertThat(all.get("requestsPerSecond")).isEqualTo(33.333333333333336);
    }

    @Test
    void itSaysWhatRanWhereAndWhen() throws IOException {
        Map<String, Object> result = ResultJson.build(RUN, MACHINE, fixture("smoke"), Map.of(), Map.of(), Optional.empty(), ResultJson.Observed.NOTHING);

        assertThat(result).containsEntry("target", "local").containsEntry("packaging", "executable jar").containsEntry("testType", "smoke")
                .containsEntry("appVersion", "0.1.0-SNAPSHOT").containsEntry("startedAt", "2026-12-01T20:21:00Z")
                .containsEntry("endedAt", "2026-12-01T20:21:02Z").containsEntry("machine", MACHINE).doesNotContainKey("invariants");
    }

    @Test
    void itPassesOnlyWhenTheAssertionsHeldAndTheInvariantsToo() throws IOException {
        Map<String, Map<String, Long>> failures = Map.of("createEvent", Map.of("BAD_REQUEST", 1L));
        FlashSaleInvariants.Result held = FlashSaleInvariants.check(2, 1, List.of(new FlashSaleInvariants.ListedBooking("b1", 1, "CONFIRMED")), Map.of("b1", 1));
        FlashSaleInvariants.Result violated = FlashSaleInvariants.check(2, 0, List.of(new FlashSaleInvariants.ListedBooking("b1", 1, "CONFIRMED")), Map.of("b1", 1));
        ResultJson.Run assertionsFailed = new ResultJson.Run("local", "jar", URI.create("http://x"), "flashsale", "v", Instant.EPOCH, Instant.EPOCH, "3.13.4", "run", false);

        assertThat(ResultJson.build(RUN, MACHINE, fixture("smoke"), failures, Map.of(), Optional.of(held), ResultJson.Observed.NOTHING))
                .containsEntry("passed", true).containsEntry("failures", failures).containsEntry("invariants", held);
        assertThat(ResultJson.build(RUN, MACHINE, fixture("smoke"), Map.of(), Map.of(), Optional.of(violated), ResultJson.Observed.NOTHING)).containsEntry("passed", false);
        assertThat(ResultJson.build(assertionsFailed, MACHINE, fixture("smoke"), Map.of(), Map.of(), Optional.of(held), ResultJson.Observed.NOTHING)).containsEntry("passed", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRequestInANestedGroupNamesTheWholePath() {
        JsonNode nested = JSON.readTree("""
                {"type": "GROUP", "name": "All Requests", "stats": {}, "contents": {
                  "g1": {"type": "GROUP", "name": "sale", "stats": {}, "contents": {
                    "g2": {"type": "GROUP", "name": "book", "stats": {}, "contents": {
                      "r1": {"type": "REQUEST", "name": "bookSeats", "stats": {"numberOfRequests": {"total": 3, "ok": 3, "ko": 0}}}}}}}}}
                """);

        Map<String, Object> bookSeats = operations(ResultJson.build(RUN, MACHINE, nested, Map.of(), Map.of(), Optional.empty(), ResultJson.Observed.NOTHING)).getFirst();

        assertThat(bookSeats).containsEntry("group", "sale / book").containsEntry("operation", "bookSeats");
        assertThat(bookSeats.get("requests")).isEqualTo(Map.of("total", 3, "ok", 3, "failed", 0));
        assertThat((Map<String, Object>) bookSeats.get("latencyMillis")).containsEntry("p95", null);
    }

    @Test
    void itHoldsWhatWasObservedBesideGatling() throws IOException {
        Timeline timeline = new Timeline(RUN.startedAt().toEpochMilli());
        timeline.record(RUN.startedAt().toEpochMilli() + 300, false, 40);
        ColdStart second = new ColdStart("http-2", RUN.startedAt().plusMillis(1500), Duration.ofMillis(2900), Duration.ofMillis(3100));
        ResultJson.Observed observed = new ResultJson.Observed(timeline.seconds(), timeline.drift(), Optional.of(Duration.ofMillis(1840)),
                Optional.of(Map.of("cpuMillis", 10)), List.of(second));

        Map<String, Object> result = ResultJson.build(RUN, MACHINE, fixture("smoke"), Map.of(), Map.of(), Optional.empty(), observed);

        assertThat(result).containsEntry("schema", 2).containsEntry("kind", "load").containsEntry("timeline", timeline.seconds()).containsEntry("latencyDrift", timeline.drift())
                .containsEntry("start", Map.of("millisToFirst200", 1840L)).containsEntry("resources", Map.of("cpuMillis", 10))
                .containsEntry("coldStarts", List.of(Map.of("environment", "http-2", "atSecond", 1.5, "initMillis", 2900L, "firstRequestMillis", 3100L)));
        assertThat(ResultJson.build(RUN, MACHINE, fixture("smoke"), Map.of(), Map.of(), Optional.empty(), ResultJson.Observed.NOTHING))
                .containsEntry("latencyDrift", null).containsEntry("start", null).containsEntry("resources", null).containsEntry("coldStarts", List.of());
    }

    @Test
    void aFileThatIsNotGatlingsStatsIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ResultJson.build(RUN, MACHINE, JSON.readTree("{\"name\": \"x\"}"), Map.of(), Map.of(), Optional.empty(), ResultJson.Observed.NOTHING))
                .withMessageContaining("stats.json");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> operations(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("operations");
    }

    private static JsonNode fixture(String run) throws IOException {
        try (InputStream in = ResultJsonTest.class.getResourceAsStream("/fixtures/stats-" + run + ".json")) {
            return JSON.readTree(in);
        }
    }
}
