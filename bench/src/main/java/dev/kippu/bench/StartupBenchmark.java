package dev.kippu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kippu.contract.AotRecipe;
import dev.kippu.contract.KippuStandIns;

/**
 * {@code ./kippu bench startup [N]}: starts each variant N times, round-robin, against the local AWS
 * stand-ins, and reports per variant the time from just before the spawn to the first correct
 * answer to {@link EventsQuery}, and the process's CPU time and resident memory at that moment.
 * Run from the repository's root after a build (./kippu does both).
 */
public final class StartupBenchmark {

    private static final String KIPPU_JAR = "app/target/kippu-app-0.1.0-SNAPSHOT-exec.jar";
    private static final String CONTROL_JAR = "bench/control/target/control.jar";
    private static final String CONTROL_AOT_DIRECTORY = "bench/control/target/aot";
    private static final String OUTPUT_DIRECTORY = "bench/target";
    private static final int TRAINING_QUERIES = 20;

    /** In AWS the table and the queue exist before an instance starts: measured starts do not create them. */
    private static final Map<String, String> AS_DEPLOYED = Map.of(
            "kippu.dynamodb.create-table", "false",
            "kippu.notifications.create-queue", "false");
    private static final Map<String, String> CREATING_TABLE_AND_QUEUE = Map.of(
            "kippu.dynamodb.create-table", "true",
            "kippu.notifications.create-queue", "true");

    private final Path root;
    private final Path logs;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private StartupBenchmark(Path root) {
        this.root = root;
        this.logs = root.resolve(OUTPUT_DIRECTORY).resolve("startup-logs");
    }

    public static void main(String[] args) {
        int runs = args.length == 0 ? 5 : args[0].matches("[1-9][0-9]*") ? Integer.parseInt(args[0]) : 0;
        if (runs < 1) {
            System.err.println("bench: the number of starts per variant is a whole number from 1, not '" + args[0] + "'");
            System.exit(2);
        }
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(root.resolve(CONTROL_JAR)) || !Files.isRegularFile(root.resolve(KIPPU_JAR))) {
            System.err.println("bench: no " + CONTROL_JAR + " or " + KIPPU_JAR + " under " + root + ": run ./kippu bench startup, which builds them");
            System.exit(2);
        }
        try {
            new StartupBenchmark(root).run(runs);
        } catch (RuntimeException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
        // the SQS stand-in runs in this JVM on threads that would keep it alive; exiting runs the hooks that stop everything
        System.exit(0);
    }

    private void run(int runs) {
        Machine machine = Machine.describe(java);
        recreate(logs);
        List<Variant> variants = new ArrayList<>();
        variants.add(Variant.of("control-jar", java, "-jar", file(CONTROL_JAR)));
        variants.add(controlAotWithTrainedCache());

        System.out.println("Starting the local AWS stand-ins");
        Map<String, String> standIns = KippuStandIns.shared().properties();
        Variant kippuJar = Variant.of("kippu-jar", java, "-jar", file(KIPPU_JAR)).with(standIns).with(AS_DEPLOYED);
        variants.add(kippuJar);
        String skipped = null;
        if (Files.isRegularFile(AotRecipe.jar()) && Files.isRegularFile(AotRecipe.cache())) {
            List<String> launch = new ArrayList<>(List.of(java));
            launch.addAll(AotRecipe.runOptions());
            launch.addAll(List.of("-jar", AotRecipe.jar().toAbsolutePath().toString()));
            variants.add(new Variant("kippu-aot", launch, Map.of()).with(standIns).with(AS_DEPLOYED));
        } else {
            skipped = "no " + AotRecipe.jar() + " and " + AotRecipe.cache() + ": build them with ./kippu bench startup or ./kippu test";
            System.out.println("kippu-aot skipped: " + skipped);
        }

        // Every variant once before the counted rounds: all of them then start with their files in
        // the page cache, and kippu-jar's first start makes the table and the queue that the
        // measured starts find, as an instance in AWS finds them.
        System.out.println("Warm-up round (not counted)");
        for (Variant variant : variants) {
            startOnce(variant == kippuJar ? variant.with(CREATING_TABLE_AND_QUEUE) : variant, "warm-up");
        }
        Map<Variant, List<Measurement>> results = new LinkedHashMap<>();
        variants.forEach(variant -> results.put(variant, new ArrayList<>()));
        for (int round = 1; round <= runs; round++) {
            StringBuilder progress = new StringBuilder("Round " + round + "/" + runs + ":");
            for (Variant variant : variants) {
                Measurement measured = startOnce(variant, "run-" + round);
                results.get(variant).add(measured);
                progress.append(String.format(Locale.ROOT, "  %s %.2f s", variant.name(), measured.seconds()));
            }
            System.out.println(progress);
        }
        new StartupReport(results, skipped, machine).print(System.out).writeTo(outputFile(machine.date()));
    }

    /** Extracts the control jar and makes its AOT cache with a training run, ended by SIGTERM: the JVM writes the cache as it exits. */
    private Variant controlAotWithTrainedCache() {
        Path directory = root.resolve(CONTROL_AOT_DIRECTORY);
        recreate(directory);
        runToEnd(List.of(java, "-Djarmode=tools", "-jar", file(CONTROL_JAR), "extract", "--destination", directory.toString()), "control-extract");
        String jar = directory.resolve("control.jar").toString();
        Path cache = directory.resolve("control.aot");
        System.out.println("Training control-aot's AOT cache");
        Variant training = Variant.of("control-aot-training", java, "-XX:AOTCacheOutput=" + cache, "-Dspring.aot.enabled=true", "-jar", jar);
        try (VariantProcess process = VariantProcess.start(training, root, logs.resolve("control-aot-training.log"))) {
            process.awaitFirstCorrectAnswer();
            process.answerQueries(TRAINING_QUERIES);
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the training run wrote no AOT cache at " + cache + "; see " + logs.resolve("control-aot-training.log"));
        }
        return Variant.of("control-aot", java, "-XX:AOTCache=" + cache, "-Dspring.aot.enabled=true", "-jar", jar);
    }

    private Measurement startOnce(Variant variant, String label) {
        Path log = logs.resolve(variant.name() + "-" + label + ".log");
        Measurement measured;
        try (VariantProcess process = VariantProcess.start(variant, root, log)) {
            measured = process.awaitFirstCorrectAnswer();
        }
        requireCacheUsed(variant, log);
        return measured;
    }

    /** The JVM runs on without an AOT cache it cannot use, saying so only in its output: such a start measures the wrong thing. */
    private static void requireCacheUsed(Variant variant, Path log) {
        if (variant.launch().stream().noneMatch(argument -> argument.startsWith("-XX:AOTCache="))) {
            return;
        }
        try (var lines = Files.lines(log)) {
            lines.filter(line -> line.contains("[error") && line.contains("][aot]")).findFirst().ifPresent(error -> {
                throw new IllegalStateException(variant.name() + " ran without its AOT cache (" + error.strip()
                        + "): rebuild it; the whole log is " + log);
            });
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    private void runToEnd(List<String> command, String name) {
        Path log = logs.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with status " + process.exitValue() + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Path outputFile(OffsetDateTime started) {
        String timestamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(started.withOffsetSameInstant(ZoneOffset.UTC));
        return root.resolve(OUTPUT_DIRECTORY).resolve("startup-" + timestamp + ".json");
    }

    private String file(String relative) {
        return root.resolve(relative).toString();
    }

    private static void recreate(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (var paths = Files.walk(directory)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + directory, e);
        }
    }
}
