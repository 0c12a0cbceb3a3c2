package dev.kippu.load.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Part 1: each run's headline figures beside its ratio to the local run (the executable jar) of the
 * same profile, the runs' machines and dates, and the DynamoDB stand-in's ceiling that local runs
 * should stay below.
 */
final class SummarySection {

    private record Figure(String heading, String unit, Function<LoadResult, OptionalDouble> value) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("start to first 200", "ms", LoadResult::millisToFirst200),
            new Figure("resident memory (peak)", "MiB", LoadResult::residentPeakMiB),
            new Figure("p50", "ms", run -> run.all().p50Millis()),
            new Figure("p99", "ms", run -> run.all().p99Millis()),
            new Figure("p95, last tenth", "ms", LoadResult::p95LastTenthMillis),
            new Figure("throughput", "req/s", run -> run.all().requestsPerSecond()),
            new Figure("CPU per request", "ms", LoadResult::cpuMillisPerRequest),
            new Figure("errors", "%", run -> run.all().failedPercent()));

    private SummarySection() {
    }

    static Table figures(ComparedRuns runs) {
        List<String> header = new ArrayList<>(List.of("target", "profile", "packaging"));
        FIGURES.forEach(figure -> header.add(figure.heading()));
        header.add("passed");
        List<List<String>> rows = new ArrayList<>();
        for (LoadResult run : runs.runs()) {
            Optional<LoadResult> local = runs.localOf(run.testType()).filter(reference -> reference != run);
            List<String> row = new ArrayList<>(List.of(run.target(), run.testType(), run.packaging()));
            for (Figure figure : FIGURES) {
                row.add(cell(figure, run, local));
            }
            row.add(run.passed() ? "yes" : "no");
            rows.add(row);
        }
        return new Table(header, rows);
    }

    static Table runs(ComparedRuns runs) {
        return new Table(List.of("run", "started", "ended", "machine", "app version", "schema", "file"),
                runs.runs().stream().map(run -> List.of(run.label(), run.startedAt().toString(),
                        run.endedAt().map(Object::toString).orElse(Format.NONE), run.machine().orElse(Format.NONE),
                        run.appVersion(), Integer.toString(run.schema()), run.file().toString())).toList());
    }

    /** Where the stand-in's ceiling is, or that none was read. */
    static String ceiling(ComparedRuns runs) {
        return runs.ceiling().map(ceiling -> "The DynamoDB stand-in's ceiling: "
                        + Format.number(ceiling.ceilingOperationsPerSecond()) + " operations a second ("
                        + ceiling.operation() + ", measured " + ceiling.startedAt()
                        + ceiling.machine().map(machine -> " on " + machine).orElse("")
                        + "). The offered load of the local targets should stay below it: beyond it a local run "
                        + "measures the stand-in, not Kippu.")
                .orElse("No stand-in ceiling among the results read: whether the local runs stayed below what the "
                        + "DynamoDB stand-in sustains is not known.");
    }

    static Optional<Table> ceilingLevels(ComparedRuns runs) {
        return runs.ceiling().map(ceiling -> new Table(List.of("concurrency", "operations a second", "p50", "p99"),
                ceiling.levels().stream().map(level -> List.of(Integer.toString(level.concurrency()),
                        Format.number(level.operationsPerSecond()), Format.number(level.p50Millis(), "ms"),
                        Format.number(level.p99Millis(), "ms"))).toList()));
    }

    /** The machines and the time span of the runs, in a sentence. */
    static String machinesAndDates(ComparedRuns runs) {
        String machines = String.join("; ", runs.runs().stream().map(run -> run.machine().orElse(Format.NONE))
                .distinct().toList());
        String from = runs.runs().stream().map(LoadResult::startedAt).min(Comparable::compareTo).orElseThrow().toString();
        String to = runs.runs().stream().map(run -> run.endedAt().orElse(run.startedAt())).max(Comparable::compareTo)
                .orElseThrow().toString();
        return "Runs from " + from + " to " + to + " on " + machines + ".";
    }

    private static String cell(Figure figure, LoadResult run, Optional<LoadResult> local) {
        OptionalDouble value = figure.value().apply(run);
        String shown = Format.number(value, figure.unit());
        OptionalDouble reference = local.map(figure.value()).orElse(OptionalDouble.empty());
        if (value.isPresent() && reference.isPresent() && reference.getAsDouble() > 0) {
            return shown + " (" + Format.ratio(value.getAsDouble() / reference.getAsDouble()) + ")";
        }
        return shown;
    }
}
