package dev.kippu.load.results;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kippu.contract.KippuLauncher.ColdStart;
import tools.jackson.databind.JsonNode;

/**
 * One run's machine-readable result: what ran where, on which machine, when; per operation (as
 * Gatling's {@code js/stats.json} has it: its requests' groups and names) the counts, latency
 * percentiles and throughput; the failures by kind and the expected refusals that {@link Outcomes}
 * recorded; the flash-sale invariants when the profile reads them back; what was {@link Observed}
 * beside Gatling (the answers second by second, the target's start, its processes' CPU time and
 * memory, its cold starts); and whether it all passed.
 */
public final class ResultJson {

    public static final int SCHEMA = 2;

    private ResultJson() {
    }

    /** What ran, where, and how it ended. */
    public record Run(String target, String packaging, URI baseUrl, String testType, String appVersion, Instant startedAt, Instant endedAt,
                      String gatlingVersion, String gatlingRunDirectory, boolean assertionsPassed) {
    }

    /** The machine the run was on (the load generator's; for a local target, Kippu's and the stand-ins' as well). */
    public record Machine(int cores, String os, String java) {

        public static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                    Runtime.version().toString());
        }
    }

    /**
     * What the run recorded beside Gatling: {@link Timeline#seconds()} and {@link Timeline#drift()}, how long the target took to
     * answer its readiness probe when LoadRun started it, {@link ResourceUse#figures}, and the cold
     * starts of the execution environments its launcher started.
     */
    public record Observed(List<Map<String, Object>> timeline, Map<String, Object> drift, Optional<Duration> start,
                           Optional<Map<String, Object>> resources, List<ColdStart> coldStarts) {

        public static final Observed NOTHING = new Observed(List.of(), Map.of(), Optional.empty(), Optional.empty(), List.of());
    }

    public static Map<String, Object> build(Run run, Machine machine, JsonNode stats, Map<String, Map<String, Long>> failures,
                                            Map<String, Map<String, Long>> refusals, Optional<FlashSaleInvariants.Result> invariants,
                                            Observed observed) {
        if (!"GROUP".equals(stats.path("type").asString(null)) || !stats.has("stats")) {
            throw new IllegalArgumentException("not Gatling's stats.json: its root is no GROUP with stats");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("schema", SCHEMA);
        result.put("kind", "load");
        result.put("passed", run.assertionsPassed() && invariants.map(FlashSaleInvariants.Result::passed).orElse(true));
        result.put("testType", run.testType());
        result.put("target", run.target());
        result.put("packaging", run.packaging());
        result.put("baseUrl", run.baseUrl().toString());
        result.put("appVersion", run.appVersion());
        result.put("startedAt", run.startedAt().toString());
        result.put("endedAt", run.endedAt().toString());
        result.put("machine", machine);
        Map<String, Object> gatling = new LinkedHashMap<>();
        gatling.put("version", run.gatlingVersion());
        gatling.put("runDirectory", run.gatlingRunDirectory());
        gatling.put("assertionsPassed", run.assertionsPassed());
        result.put("gatling", gatling);
        result.put("all", figures(stats.path("stats")));
        List<Map<String, Object>> operations = new ArrayList<>();
        collectRequests(stats, "", operations);
        result.put("operations", operations);
        result.put("failures", failures);
        result.put("refusals", refusals);
        invariants.ifPresent(checked -> result.put("invariants", checked));
        result.put("timeline", observed.timeline());
        result.put("latencyDrift", observed.drift().isEmpty() ? null : observed.drift());
        result.put("start", observed.start().map(start -> Map.of("millisToFirst200", start.toMillis())).orElse(null));
        result.put("resources", observed.resources().orElse(null));
        result.put("coldStarts", observed.coldStarts().stream().map(coldStart -> coldStart(coldStart, run.startedAt())).toList());
        return result;
    }

    private static Map<String, Object> coldStart(ColdStart coldStart, Instant runStartedAt) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("environment", coldStart.environment());
        figures.put("atSecond", Duration.between(runStartedAt, coldStart.launched()).toMillis() / 1000.0);
        figures.put("initMillis", coldStart.init().toMillis());
        figures.put("firstRequestMillis", coldStart.firstRequest().toMillis());
        return figures;
    }

    private static void collectRequests(JsonNode node, String group, List<Map<String, Object>> operations) {
        for (JsonNode child : node.path("contents")) {
            String name = child.path("name").asString("");
            if ("REQUEST".equals(child.path("type").asString(null))) {
                Map<String, Object> operation = new LinkedHashMap<>();
                operation.put("group", group);
                operation.put("operation", name);
                operation.putAll(figures(child.path("stats")));
                operations.add(operation);
            } else {
                collectRequests(child, group.isEmpty() ? name : group + " / " + name, operations);
            }
        }
    }

    private static Map<String, Object> figures(JsonNode stats) {
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("total", number(stats, "numberOfRequests", "total"));
        requests.put("ok", number(stats, "numberOfRequests", "ok"));
        requests.put("failed", number(stats, "numberOfRequests", "ko"));
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("min", number(stats, "minResponseTime", "total"));
        latency.put("p50", number(stats, "percentiles1", "total"));
        latency.put("p75", number(stats, "percentiles2", "total"));
        latency.put("p95", number(stats, "percentiles3", "total"));
        latency.put("p99", number(stats, "percentiles4", "total"));
        latency.put("max", number(stats, "maxResponseTime", "total"));
        latency.put("mean", number(stats, "meanResponseTime", "total"));
        latency.put("stddev", number(stats, "standardDeviation", "total"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", requests);
        figures.put("latencyMillis", latency);
        figures.put("requestsPerSecond", number(stats, "meanNumberOfRequestsPerSecond", "total"));
        return figures;
    }

    /** A figure, or null where stats.json has none. */
    private static Number number(JsonNode stats, String figure, String kind) {
        JsonNode value = stats.path(figure).path(kind);
        return value.isNumber() ? value.numberValue() : null;
    }
}
