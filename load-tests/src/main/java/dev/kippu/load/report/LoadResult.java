package dev.kippu.load.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One load-test run as LoadRun wrote it (schema 1 or 2). What schema 1 does not have (the
 * timeline, the target's start, its resources, the cold starts, the p95 of the run's last tenth,
 * its steady state after any cold start) is empty here, as it is in a
 * schema-2 result where the run could not measure it.
 */
record LoadResult(Path file, int schema, String target, String testType, String packaging, boolean passed,
                  String appVersion, Instant startedAt, Optional<Instant> endedAt, Optional<String> machine,
                  Figures all, List<TimelineSecond> timeline, OptionalDouble millisToFirst200,
                  Optional<Resources> resources, List<ColdStart> coldStarts, OptionalDouble p95LastTenthMillis)
        implements ResultFile {

    /** Requests and latencies of the whole run (Gatling's "All Requests"); stats.json may lack a figure. */
    record Figures(long total, long failed, OptionalDouble p50Millis, OptionalDouble p95Millis,
                   OptionalDouble p99Millis, OptionalDouble meanMillis, OptionalDouble requestsPerSecond) {

        OptionalDouble failedPercent() {
            return total > 0 ? OptionalDouble.of(100.0 * failed / total) : OptionalDouble.empty();
        }
    }

    /** The responses that ended in one whole second since the run started. */
    record TimelineSecond(int second, long requests, long failed) {
    }

    /** The target's processes as LoadRun sampled them, when it started the target itself. */
    record Resources(OptionalDouble cpuMillisPerRequest, OptionalDouble residentPeakMiB, List<MemorySample> samples) {
    }

    record MemorySample(double second, double residentMiB) {
    }

    /** An execution environment that local-lambda started during the run. */
    record ColdStart(String environment, double atSecond, OptionalDouble initMillis,
                     OptionalDouble firstRequestMillis) {
    }

    /** "local · mixed": how charts and tables name a run. */
    String label() {
        return target + " · " + testType;
    }

    OptionalDouble cpuMillisPerRequest() {
        return resources.map(Resources::cpuMillisPerRequest).orElse(OptionalDouble.empty());
    }

    OptionalDouble residentPeakMiB() {
        return resources.map(Resources::residentPeakMiB).orElse(OptionalDouble.empty());
    }
}
