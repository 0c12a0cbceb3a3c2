package dev.kippu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The table and the JSON file of one benchmark run: every start's numbers, their medians and ranges, the ratios the goals use. */
final class StartupReport {

    private final Map<Variant, List<Measurement>> results;
    private final String kippuAotSkipped;
    private final Machine machine;

    StartupReport(Map<Variant, List<Measurement>> results, String kippuAotSkipped, Machine machine) {
        this.results = results;
        this.kippuAotSkipped = kippuAotSkipped;
        this.machine = machine;
    }

    StartupReport print(PrintStream out) {
        int runs = results.values().iterator().next().size();
        out.println();
        out.printf(Locale.ROOT, "Start-up to the first correct answer to %s%n", EventsQuery.DOCUMENT);
        out.printf(Locale.ROOT, "%d runs per variant, median (min-max); %d processors, MemTotal %s, %s, %s%n",
                runs, machine.nproc(), machine.memTotal(), machine.javaVersion().lines().findFirst().orElse(""), machine.date());
        out.printf(Locale.ROOT, "%-12s  %-20s  %-20s  %s%n", "variant", "first 200 (s)", "CPU (s)", "RSS (MiB)");
        results.forEach((variant, measurements) -> out.printf(Locale.ROOT, "%-12s  %-20s  %-20s  %s%n", variant.name(),
                Spread.of(measurements, Measurement::seconds).format("%.2f"),
                Spread.of(measurements, Measurement::cpuSeconds).format("%.2f"),
                Spread.of(measurements, Measurement::rssMiB).format("%.0f")));
        out.println();
        out.printf(Locale.ROOT, "kippu-jar / control-jar: time %s, CPU %s%n",
                ratio("kippu-jar", "control-jar", Measurement::seconds), ratio("kippu-jar", "control-jar", Measurement::cpuSeconds));
        out.printf(Locale.ROOT, "kippu-aot / kippu-jar:   time %s%n", ratio("kippu-aot", "kippu-jar", Measurement::seconds));
        return this;
    }

    void writeTo(Path file) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "startup");
        report.put("measures", "seconds from just before the process is spawned to its first HTTP 200 to POST /graphql "
                + "with data.events and no errors; CPU seconds (utime+stime) and VmRSS of the process at that moment");
        report.put("query", EventsQuery.DOCUMENT);
        report.put("machine", machine);
        report.put("variants", results.entrySet().stream().map(entry -> variant(entry.getKey(), entry.getValue())).toList());
        if (kippuAotSkipped != null) {
            report.put("skipped", Map.of("kippu-aot", kippuAotSkipped));
        }
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("kippu-jar/control-jar time", ratioValue("kippu-jar", "control-jar", Measurement::seconds));
        ratios.put("kippu-jar/control-jar cpu", ratioValue("kippu-jar", "control-jar", Measurement::cpuSeconds));
        ratios.put("kippu-aot/kippu-jar time", ratioValue("kippu-aot", "kippu-jar", Measurement::seconds));
        report.put("ratios", ratios);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        System.out.println("Written to " + file);
    }

    private static Map<String, Object> variant(Variant variant, List<Measurement> measurements) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("variant", variant.name());
        entry.put("launch", variant.launch());
        entry.put("settings", variant.settings());
        entry.put("runs", measurements);
        entry.put("median", new Measurement(Spread.of(measurements, Measurement::seconds).median(),
                Spread.of(measurements, Measurement::cpuSeconds).median(), Spread.of(measurements, Measurement::rssMiB).median()));
        return entry;
    }

    private String ratio(String numerator, String denominator, ToDoubleFunction<Measurement> metric) {
        Double ratio = ratioValue(numerator, denominator, metric);
        return ratio == null ? "n/a (" + numerator + " not measured)" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** Of the medians; null when a variant was skipped. */
    private Double ratioValue(String numerator, String denominator, ToDoubleFunction<Measurement> metric) {
        List<Measurement> top = measurementsOf(numerator);
        List<Measurement> bottom = measurementsOf(denominator);
        return top == null || bottom == null ? null : Math.round(1000 * Spread.of(top, metric).median() / Spread.of(bottom, metric).median()) / 1000.0;
    }

    private List<Measurement> measurementsOf(String variantName) {
        return results.entrySet().stream().filter(entry -> entry.getKey().name().equals(variantName))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private record Spread(double median, double min, double max) {

        static Spread of(List<Measurement> measurements, ToDoubleFunction<Measurement> metric) {
            double[] values = measurements.stream().mapToDouble(metric).sorted().toArray();
            int middle = values.length / 2;
            double median = values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
            return new Spread(median, values[0], values[values.length - 1]);
        }

        String format(String number) {
            return String.format(Locale.ROOT, number + " (" + number + "-" + number + ")", median, min, max);
        }
    }
}
