package dev.kippu.load.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Part 2: the runs' charts. Latency percentiles for every run; throughput, errors and resident
 * memory over time and the cold starts only for the runs that measured them (schema 2), and a
 * sentence instead of a chart where none did.
 */
final class RunCharts {

    private RunCharts() {
    }

    static List<String> all(ComparedRuns runs) {
        List<String> charts = new ArrayList<>();
        charts.add(latencies(runs.runs()));
        charts.add(overTime(runs.runs(), "Throughput over time", "responses a second",
                run -> run.timeline().stream().map(second -> new Svg.Point(second.second(), second.requests())).toList()));
        charts.add(overTime(runs.runs(), "Errors over time", "failed responses a second",
                run -> run.timeline().stream().map(second -> new Svg.Point(second.second(), second.failed())).toList()));
        charts.add(overTime(runs.runs(), "Resident memory over time", "MiB",
                run -> run.resources().map(LoadResult.Resources::samples).orElse(List.of()).stream()
                        .map(sample -> new Svg.Point(sample.second(), sample.residentMiB())).toList()));
        coldStarts(runs.runs()).ifPresent(charts::add);
        return charts;
    }

    static String latencies(List<LoadResult> runs) {
        List<String> groups = runs.stream().map(LoadResult::label).toList();
        return Svg.bars("Latency percentiles", "ms", groups, List.of(
                percentile("p50", runs, LoadResult.Figures::p50Millis),
                percentile("p95", runs, LoadResult.Figures::p95Millis),
                percentile("p99", runs, LoadResult.Figures::p99Millis)));
    }

    /** A line for each run that has points; a sentence when no run has any. */
    static String overTime(List<LoadResult> runs, String title, String yUnit,
                           Function<LoadResult, List<Svg.Point>> points) {
        List<Svg.Line> lines = runs.stream().map(run -> new Svg.Line(run.label(), points.apply(run)))
                .filter(line -> !line.points().isEmpty()).toList();
        if (lines.isEmpty()) {
            return "<p>" + Html.escape(title) + ": no run in this set measured it (schema 2 results do).</p>\n";
        }
        return Svg.lines(title, "seconds since the run started", yUnit, lines);
    }

    /** Each execution environment's init and first request, when any run started one. */
    static Optional<String> coldStarts(List<LoadResult> runs) {
        List<String> groups = new ArrayList<>();
        List<OptionalDouble> init = new ArrayList<>();
        List<OptionalDouble> firstRequest = new ArrayList<>();
        for (LoadResult run : runs) {
            for (LoadResult.ColdStart coldStart : run.coldStarts()) {
                groups.add(run.label() + " · " + coldStart.environment() + " · at "
                        + Format.number(coldStart.atSecond()) + " s");
                init.add(coldStart.initMillis());
                firstRequest.add(coldStart.firstRequestMillis());
            }
        }
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Svg.bars("Cold starts", "ms", groups,
                List.of(new Svg.Bars("init", init), new Svg.Bars("first request", firstRequest))));
    }

    private static Svg.Bars percentile(String name, List<LoadResult> runs,
                                       Function<LoadResult.Figures, OptionalDouble> value) {
        return new Svg.Bars(name, runs.stream().map(run -> value.apply(run.all())).toList());
    }
}
