package dev.kippu.load.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import dev.kippu.load.spike.Spike;

/**
 * {@code ./kippu bench report [RESULT...]}: several load-test results (files, or directories of
 * them; by default every one in load-tests/target/load-results/) side by side on one static HTML
 * page, load-tests/target/report/index.html, with its Markdown summary beside it. Exits 0 when it
 * wrote both, 2 when the input was refused (nothing found, a file that is no Kippu result of schema
 * 1 or 2, a bad spike setting), 1 when it could not write.
 */
public final class ComparisonReport {

    static final Path DEFAULT_RESULTS = Path.of("load-tests", "target", "load-results");
    static final Path DEFAULT_OUTPUT = Path.of("load-tests", "target", "report");
    private static final String NAME = "kippu bench report";

    private ComparisonReport() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), DEFAULT_RESULTS, DEFAULT_OUTPUT, System.getProperties(), System.out, System.err));
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
            out.println(page);
            out.println(summary);
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
