package dev.kippu.load.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The DynamoDB stand-in's measured ceiling: one operation's throughput and latency at rising
 * concurrency, and the most operations a second it sustained. Local results above it measure the
 * stand-in, not Kippu.
 */
record StandInCeiling(Path file, Instant startedAt, Optional<String> machine, String operation, List<Level> levels,
                      double ceilingOperationsPerSecond) implements ResultFile {

    record Level(int concurrency, double operationsPerSecond, OptionalDouble p50Millis, OptionalDouble p99Millis) {
    }
}
