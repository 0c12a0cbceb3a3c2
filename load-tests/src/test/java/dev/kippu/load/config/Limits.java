package dev.kippu.load.config;

import static io.gatling.javaapi.core.CoreDsl.global;

import java.util.List;

import io.gatling.javaapi.core.Assertion;

/**
 * What a run must stay within, over all requests, or Gatling fails it: the 95th and 99th
 * percentile of response time, and the share of failed requests (0: not one may fail).
 */
public record Limits(int p95Millis, int p99Millis, double maxFailedPercent) {

    public List<Assertion> assertions() {
        return List.of(global().responseTime().percentile(95.0).lt(p95Millis),
                global().responseTime().percentile(99.0).lt(p99Millis),
                maxFailedPercent == 0 ? global().failedRequests().count().is(0L) : global().failedRequests().percent().lt(maxFailedPercent));
    }
}
