package dev.kippu.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The report from the results in src/test/resources/report/: local (the reference), local-aot (a
 * schema-1 result), local-lambda (two cold starts), local-container, all of the mixed profile, and
 * the stand-in's ceiling.
 */
class ComparisonReportTest {

    private static final Path FIXTURES = Path.of("src/test/resources/report");
    private static final Pattern SVG = Pattern.compile("<svg class=\"chart\".*?<title>(.*?)</title>(.*?)</svg>",
            Pattern.DOTALL);

    @TempDir
    Path temp;

    record Outcome(int exit, String out, String err, String html, String markdown) {
    }

    @Test
    void eachFigureIsShownWithItsRatioToTheLocalRunOfTheSameProfile() throws IOException {
        Outcome report = report(FIXTURES);

        // local-container against local: start 1,939 / 4,310 = 0.4499; peak memory 300 / 400 = 0.75;
        // p50 30 / 40 = 0.75; p99 260 / 200 = 1.30; throughput 19 / 20 = 0.95; CPU 6 / 8 = 0.75;
        // errors 6 of 1,200 = 0.5 % against 12 of 1,200 = 1 %: 0.50
        assertThat(row(report.markdown(), "local-container")).containsExactly("local-container", "mixed",
                "container image under podman", "1,939 ms (0.45×)", "300 MiB (0.75×)", "30 ms (0.75×)",
                "260 ms (1.30×)", "—", "19 req/s (0.95×)", "6 ms (0.75×)", "0.50 % (0.50×)", "yes");
        // local-lambda: p50 48 / 40 = 1.20, p99 3,200 / 200 = 16, its last tenth's p95 55 / 110 = 0.50 (the
        // cold starts over), throughput 16 / 20 = 0.80; no errors (0×)
        assertThat(row(report.markdown(), "local-lambda")).contains("48 ms (1.20×)", "3,200 ms (16.00×)", "55 ms (0.50×)",
                "16 req/s (0.80×)", "0 % (0.00×)", "no");
        // the reference itself has no ratio
        assertThat(row(report.markdown(), "local")).containsExactly("local", "mixed",
                "executable jar (app/target/kippu-app-*-exec.jar)", "4,310 ms", "400 MiB", "40 ms", "200 ms",
                "110 ms", "20 req/s", "8 ms", "1 %", "yes");
        assertThat(report.exit()).isZero();
        assertThat(report.out().lines()).containsExactly(temp.resolve("report/index.html").toString(),
                temp.resolve("report/summary.md").toString(), temp.resolve("report/charts").toString());
    }

    @Test
    void eachChartIsAlsoAFileOfItsOwnNamedByItsTitle() throws IOException {
        report(FIXTURES);
        Files.writeString(temp.resolve("report/charts/99-left-from-before.svg"), "<svg/>");

        report(FIXTURES);

        try (var charts = Files.list(temp.resolve("report/charts"))) {
            assertThat(charts.map(chart -> chart.getFileName().toString()).sorted()).hasSize(9)
                    .startsWith("01-latency-percentiles.svg", "02-throughput-over-time.svg")
                    .contains("05-cold-starts.svg").doesNotContain("99-left-from-before.svg");
        }
        assertWellFormed(new Chart("cold starts", "", Files.readString(temp.resolve("report/charts/05-cold-starts.svg"))));
    }

    @Test
    void aSchemaOneResultShowsADashForWhatItDidNotMeasure() throws IOException {
        Outcome report = report(FIXTURES);

        // local-aot: p50 36 / 40 = 0.90, p99 180 / 200 = 0.90; no start, memory or CPU in schema 1
        assertThat(row(report.markdown(), "local-aot")).containsExactly("local-aot", "mixed",
                "AOT recipe (extracted jar, Spring AOT, JDK AOT cache)", "—", "—", "36 ms (0.90×)", "180 ms (0.90×)",
                "—", "20 req/s (1.00×)", "—", "0 % (0.00×)", "yes");
    }

    @Test
    void onlySchemaOneResultsStillRenderAndTheModelsSayTheirInputsWereAssumed() throws IOException {
        Outcome report = report(FIXTURES.resolve("local-aot-mixed-schema1.json"));

        assertThat(report.exit()).isZero();
        assertThat(report.html()).contains("Throughput over time: no run in this set measured it")
                .contains("Resident memory over time: no run in this set measured it").doesNotContain(">Cold starts<");
        assertThat(rowStartingWith(report.markdown(), "Kippu's CPU time per request")).contains("25 ms", "assumed");
    }

    @Test
    void theModelsTakeTheMeasuredFiguresAndSayFromWhichRun() throws IOException {
        Outcome report = report(FIXTURES);

        assertThat(rowStartingWith(report.markdown(), "Kippu's CPU time per request")).contains("6 ms", "measured",
                "local-container · mixed, 2026-12-01T22:10:00Z");
        // the least of local-lambda's two environments' init, 2,900 and 3,100
        assertThat(rowStartingWith(report.markdown(), "Lambda's init")).contains("2,900 ms", "measured");
        // not local-lambda's mean (64 ms, its waits for environments included) but the container's
        assertThat(rowStartingWith(report.markdown(), "Lambda's mean request time")).contains("42 ms", "measured",
                "local-container · mixed, 2026-12-01T22:10:00Z");
        assertThat(row(report.markdown(), "request bytes")).contains("assumed");
    }

    @Test
    void aFigureOfZeroIsNoMeasurement() throws IOException {
        Path idle = Files.writeString(temp.resolve("idle.json"), Files.readString(FIXTURES.resolve("local-mixed.json"))
                .replace("\"cpuMillisPerRequest\": 8.0", "\"cpuMillisPerRequest\": 0"));

        Outcome report = report(idle);

        assertThat(report.exit()).isZero();
        assertThat(rowStartingWith(report.markdown(), "Kippu's CPU time per request")).contains("25 ms", "assumed");
    }

    @Test
    void theStandInsCeilingIsShownWithTheAdviceToStayBelowIt() throws IOException {
        Outcome report = report(FIXTURES);

        assertThat(report.markdown()).contains("The DynamoDB stand-in's ceiling: 1,900 operations a second (Query of "
                + "the events index, measured 2026-12-01T21:40:00Z").contains("should stay below it");
        assertThat(report.html()).contains("<tr><td>16</td><td>1,850</td><td>8.4 ms</td><td>—</td></tr>");
        assertThat(report(FIXTURES.resolve("local-mixed.json")).markdown()).contains("No stand-in ceiling");
    }

    @Test
    void valuesFromTheFilesAreEscapedInThePageAndItsCharts() throws IOException {
        Path hostile = Files.writeString(temp.resolve("hostile.json"), Files.readString(FIXTURES.resolve("local-mixed.json"))
                .replace("\"target\": \"local\"", "\"target\": \"x<img src=y>\"")
                .replace("executable jar (app/target/kippu-app-*-exec.jar)", "<script>alert('kippu')</script> & co"));

        Outcome report = report(hostile);

        assertThat(report.html()).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(&#39;kippu&#39;)"
                + "&lt;/script&gt; &amp; co").contains("x&lt;img src=y&gt;");
        charts(report.html()).forEach(ComparisonReportTest::assertWellFormed);
    }

    @Test
    void theChartsHaveASeriesForEachRunThatMeasuredIt() throws IOException {
        Outcome report = report(FIXTURES);
        List<Chart> charts = charts(report.html());

        assertThat(charts).extracting(Chart::title).containsExactly("Latency percentiles", "Throughput over time",
                "Errors over time", "Resident memory over time", "Cold starts", "$ a month at a constant rate",
                "Flash sale: served a second",
                "Flash sale: waiting at the end of each second", "Flash sale: refused a second");
        // p50, p95, p99 | local, local-lambda, local-container have timelines (local-aot is schema 1) |
        // local and local-container sampled memory | init and first request | eight runtimes priced |
        // all eight in the spike model
        assertThat(charts).extracting(Chart::series).containsExactly(3, 3, 3, 2, 2, 8, 8, 8, 8);
        assertThat(charts.getFirst().body()).contains("<title>p99</title>");
        // two environments' bars for each of the two series
        assertThat(charts.get(4).body().split("<rect fill=").length - 1).isEqualTo(2 * 2);
        assertThat(charts.get(4).body()).contains(">http-2</text>", ">at 3.2 s</text>");
        charts.forEach(ComparisonReportTest::assertWellFormed);
    }

    @Test
    void theMarkdownSummaryHasARowForEachRunRuntimeAndPair() throws IOException {
        Outcome report = report(FIXTURES);

        assertThat(tableRows(report.markdown(), "| target | profile |")).extracting(cells -> cells.getFirst())
                .containsExactly("local", "local-aot", "local-lambda", "local-container");
        assertThat(tableRows(report.markdown(), "| runtime | as deployed |")).extracting(cells -> cells.getFirst())
                .containsExactly("lambda-snapstart", "lambda-native", "lambda-mi", "fargate", "eks", "gke-autopilot",
                        "knative-on-gke", "cloudrun");
        // 8 runtimes: 8 × 7 / 2 pairs
        assertThat(tableRows(report.markdown(), "| runtimes | where they cost the same")).hasSize(28);
        assertThat(tableRows(report.markdown(), "| runtime | arrived |")).extracting(cells -> cells.getFirst())
                .containsExactly("lambda-snapstart", "lambda-native", "lambda-mi", "fargate", "eks", "gke-autopilot",
                        "knative-on-gke", "cloudrun");
        assertThat(report.markdown()).doesNotContain("Not in the spike model");
        assertThat(report.markdown()).doesNotContain("<svg");
    }

    @Test
    void theCheapestRuntimeAtEachRateIsNamedWithTheNext() throws IOException {
        List<List<String>> rows = tableRows(report(FIXTURES).markdown(), "| requests a second, held for a month |");

        assertThat(rows).extracting(List::getFirst).containsExactly("0", "1", "10", "50", "100", "500", "2,000");
        // idle, a function costs nothing; a fleet kept warm does
        assertThat(rows.getFirst().get(1)).startsWith("lambda-").endsWith("($0.00 a month)");
        assertThat(rows).allSatisfy(row -> assertThat(usd(row.get(1))).isLessThanOrEqualTo(usd(row.get(2))));
    }

    private static double usd(String ranked) {
        return Double.parseDouble(ranked.replaceAll(".*\\(\\$([0-9,.]+) a month\\)$", "$1").replace(",", ""));
    }

    @Test
    void theLatestRunOfATargetAndProfileIsTheOneCompared() throws IOException {
        Path earlier = Files.writeString(temp.resolve("earlier.json"), Files.readString(FIXTURES.resolve("local-mixed.json"))
                .replace("2026-12-01T22:00:00Z", "2026-11-30T22:00:00Z").replace("\"p50\": 40", "\"p50\": 60"));

        Outcome report = report(earlier, FIXTURES);

        assertThat(tableRows(report.markdown(), "| target | profile |")).hasSize(4);
        assertThat(row(report.markdown(), "local")).contains("40 ms");
        assertThat(report.err()).contains("left out " + earlier);
    }

    @Test
    void theSaleIsSetByProperties() throws IOException {
        Properties sale = new Properties();
        sale.setProperty("kippu.report.spike.rate", "500");
        sale.setProperty("kippu.report.spike.seconds", "60");

        Outcome report = report(sale, FIXTURES);

        // 60 s of 520 req/s and 480 s of 20 req/s
        assertThat(report.markdown()).contains("A flash sale of 500 buyers a second for 60 s on top of 20 requests a "
                + "second, watched for 540 s");
        assertThat(tableRows(report.markdown(), "| runtime | arrived |")).filteredOn(cells -> cells.getFirst().equals("fargate"))
                .singleElement().extracting(cells -> cells.get(1)).isEqualTo("40,800");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all                       | is not JSON",
            "[1, 2]                                | is not a Kippu result: its root is not a JSON object",
            "{\"name\": \"someone else\"}   | is not a Kippu result: it has no \"schema\"",
            "{\"schema\": 3, \"kind\": \"load\"}   | has schema 3; the report reads schemas 1 and 2",
            "{\"schema\": 2, \"kind\": \"trace\"}  | is a result of kind \"trace\", which the report does not read",
            "{\"schema\": 1, \"target\": \"local\"} | is not a Kippu result: it has no \"testType\"",
            "{\"schema\": 1, \"target\": \"local\", \"testType\": \"mixed\", \"startedAt\": \"yesterday\"} | \"startedAt\" is no UTC time"})
    void aFileThatIsNoKippuResultIsRefusedWithExitTwo(String content, String message) throws IOException {
        Path file = Files.writeString(temp.resolve("input.json"), content);

        Outcome report = report(FIXTURES, file);

        assertThat(report.exit()).isEqualTo(2);
        assertThat(report.err()).startsWith("kippu bench report: " + file).contains(message);
        assertThat(temp.resolve("report")).doesNotExist();
    }

    @Test
    void nothingToCompareIsRefusedWithExitTwo() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("empty"));

        assertThat(report(empty).err()).isEqualTo("kippu bench report: no load results found in " + empty + "\n");
        assertThat(report(FIXTURES.resolve("stand-in-ceiling.json")).exit()).isEqualTo(2);
        assertThat(report(temp.resolve("missing.json")).err()).contains(temp.resolve("missing.json") + " does not exist");
        Outcome noDefault = run(List.of(), temp.resolve("load-results"), new Properties());
        assertThat(noDefault.exit()).isEqualTo(2);
        assertThat(noDefault.err()).contains("no results found: " + temp.resolve("load-results") + " does not exist");
    }

    @Test
    void aBadSaleIsRefusedWithExitTwo() throws IOException {
        Properties sale = new Properties();
        sale.setProperty("kippu.report.spike.rate", "lots");

        Outcome report = report(sale, FIXTURES);

        assertThat(report.exit()).isEqualTo(2);
        assertThat(report.err()).contains("-Dkippu.report.spike.rate=lots", "is no flash sale");
    }

    private Outcome report(Path... inputs) throws IOException {
        return report(new Properties(), inputs);
    }

    private Outcome report(Properties properties, Path... inputs) throws IOException {
        return run(Arrays.stream(inputs).map(Path::toString).toList(), temp.resolve("unused"), properties);
    }

    private Outcome run(List<String> args, Path defaultResults, Properties properties) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path output = temp.resolve("report");
        int exit = ComparisonReport.run(args, defaultResults, output, properties,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                exit == 0 ? Files.readString(output.resolve("index.html")) : "",
                exit == 0 ? Files.readString(output.resolve("summary.md")) : "");
    }

    /** The cells of the first Markdown table row whose first cell is {@code firstCell}. */
    private static List<String> row(String markdown, String firstCell) {
        return rowWhere(markdown, cell -> cell.equals(firstCell), firstCell);
    }

    private static List<String> rowStartingWith(String markdown, String prefix) {
        return rowWhere(markdown, cell -> cell.startsWith(prefix), prefix + "…");
    }

    private static List<String> rowWhere(String markdown, Predicate<String> firstCell, String described) {
        return markdown.lines().filter(line -> line.startsWith("| ")).map(ComparisonReportTest::cells)
                .filter(cells -> firstCell.test(cells.getFirst())).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + described + " in\n" + markdown));
    }

    /** The rows (without header and separator) of the Markdown table whose header starts with {@code header}. */
    private static List<List<String>> tableRows(String markdown, String header) {
        List<String> lines = markdown.lines().toList();
        int start = lines.indexOf(lines.stream().filter(line -> line.startsWith(header)).findFirst().orElseThrow());
        return lines.subList(start + 2, lines.size()).stream().takeWhile(line -> line.startsWith("|"))
                .map(ComparisonReportTest::cells).toList();
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.substring(2, line.length() - 2).split(" \\| ")).toList();
    }

    record Chart(String title, String body, String svg) {

        int series() {
            return body.split("<g class=\"series\">", -1).length - 1;
        }
    }

    private static List<Chart> charts(String html) {
        Matcher matcher = SVG.matcher(html);
        List<Chart> charts = new ArrayList<>();
        while (matcher.find()) {
            charts.add(new Chart(matcher.group(1), matcher.group(2), matcher.group()));
        }
        return charts;
    }

    private static void assertWellFormed(Chart chart) {
        try {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(chart.svg().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(chart.title() + " is no well-formed SVG: " + e, e);
        }
    }
}
