package dev.kippu.load.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kippu.load.spike.Spike;

/**
 * {@code ./kippu bench report [RESULT...]}: several load-test results (files, or directories of
 * them; by default every one in load-tests/target/load-results/) side by side on one static HTML
 * page, load-tests/target/report/index.html, with its Markdown summary and each chart as an SVG file
 * (charts/) beside it. Exits 0 when it wrote them, 2 when the input was refused (nothing found, a file that is no Kippu result of schema
 * 1 or 2, a bad spike setting), 1 when it could not write.
 */
public final class ComparisonReport {

    static final Path DEFAULT_RESULTS = Path.of("load-tests", "target", "load-results");
    static final Path DEFAULT_OUTPUT = Path.of("load-tests", "target", "report");
    private static final String NAME = "kippu bench report";
    private static final Pattern CHART_TITLE = Pattern.compile("<title>([^<]*)</title>");

    private ComparisonReport() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), DEFAULT_RESULTS, DEFAULT_OUTPUT, System.getProperties(), System.out, System.err));
    }

    /** Each chart as a file of its own, {@code 01-latency-percentiles.svg} and so on, to link from the docs. */
    private static Path writeCharts(List<String> charts, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (var old = Files.list(folder)) {
            for (Path chart : old.toList()) {
                Files.delete(chart);
            }
        }
        for (int i = 0; i < charts.size(); i++) {
            Matcher title = CHART_TITLE.matcher(charts.get(i));
            String name = title.find() ? title.group(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", "") : "chart";
            Files.writeString(folder.resolve("%02d-%s.svg".formatted(i + 1, name)), charts.get(i));
        }
        return folder;
    }

    static int run(List<String> args, Path defaultResults, Path output, Properties properties, PrintStream out,
                   PrintStream err) {
        try {
            List<Path> inputs = args.isEmpty() ? List.of(defaultResults) : args.stream().map(Path::of).toList();
            if (args.isEmpty() && !Files.isDirectory(defaultResults)) {
                throw new ResultReader.BadInput("no results found: " + defaultResults
                        + " does not exist (./kippu load writes each run's result there)");
            }
            ComparedRuns runs = ComparedRuns.latestOf(ResultReader.readAll(inputs));
            if (runs.runs().isEmpty()) {
                throw new ResultReader.BadInput("no load results found in " + String.join(", ",
                        inputs.stream().map(Path::toString).toList()));
            }
            runs.leftOut().forEach(file -> err.println(NAME + ": left out " + file
                    + ", a later result of its kind, target and profile being read"));
            Report report = report(runs, sale(properties));
            Files.createDirectories(output);
            Path page = Files.writeString(output.resolve("index.html"), report.html());
            Path summary = Files.writeString(output.resolve("summary.md"), report.markdown());
            Path charts = writeCharts(report.charts(), output.resolve("charts"));
            out.println(page);
            out.println(summary);
            out.println(charts);
            return 0;
        } catch (ResultReader.BadInput e) {
            err.println(NAME + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println(NAME + ": could not write the report to " + output + ": " + e);
            return 1;
        }
    }

    private static Report report(ComparedRuns runs, Spike sale) throws ResultReader.BadInput {
        try {
            return Report.of(runs, sale);
        } catch (IllegalArgumentException e) {
            throw new ResultReader.BadInput("the cost or spike model refused the figures read: " + e.getMessage());
        }
    }

    private static Spike sale(Properties properties) throws ResultReader.BadInput {
        String rate = properties.getProperty("kippu.report.spike.rate",
                Double.toString(SpikeSection.DEFAULT_BUYERS_PER_SECOND));
        String seconds = properties.getProperty("kippu.report.spike.seconds",
                Integer.toString(SpikeSection.DEFAULT_SPIKE_SECONDS));
        try {
            return SpikeSection.sale(Double.parseDouble(rate), Integer.parseInt(seconds));
        } catch (IllegalArgumentException e) {
            throw new ResultReader.BadInput("-Dkippu.report.spike.rate=" + rate + " -Dkippu.report.spike.seconds="
                    + seconds + " is no flash sale (buyers a second >= 0, whole seconds >= 0): " + e.getMessage());
        }
    }
}
