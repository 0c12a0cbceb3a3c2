package dev.kippu.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.testcontainers.DockerClientFactory;

import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./kippu bench container [N]}: the image this build made, started N times with its AOT
 * cache and N times without it ({@code -XX:AOTMode=off}), alternately, under the stacks' 1 GiB:
 * from the engine's create to the readiness probe's first 200, then the first GraphQL answer; the
 * memory its cgroup holds once started and idle; the image's size. Writes
 * {@code target/container-benchmark.json}.
 */
public final class ContainerBenchmark {

    private static final Duration SETTLE = Duration.ofSeconds(5);

    private ContainerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Map<String, String> standIns = KippuStandIns.shared().properties();
        List<Start> withCache = new ArrayList<>();
        List<Start> withoutCache = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            withCache.add(start(KippuImage.built().withSettings(standIns)));
            withoutCache.add(start(KippuImage.built().withSettings(standIns).withEnvironment("JAVA_TOOL_OPTIONS", "-XX:AOTMode=off")));
        }
        Map<String, List<Start>> runs = new LinkedHashMap<>();
        runs.put("with the AOT cache", withCache);
        runs.put("without it (-XX:AOTMode=off)", withoutCache);
        long imageBytes = DockerClientFactory.instance().client().inspectImageCmd(KippuImage.built().name()).exec().getSize();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("image", KippuImage.built().name());
        result.put("imageMB", imageBytes / 1_000_000);
        result.put("when", Instant.now().toString());
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        System.out.printf("Kippu's image %s: %d MB; %d starts each, medians:%n", KippuImage.built().name(), imageBytes / 1_000_000, starts);
        runs.forEach((name, list) -> {
            Map<String, Long> medians = Map.of(
                    "startToReadyMs", median(list.stream().map(Start::toReady).toList()),
                    "firstAnswerMs", median(list.stream().map(Start::firstAnswer).toList()),
                    "idleMiB", median(list.stream().map(start -> start.idleBytes() >> 20).toList()));
            result.put(name, Map.of("medians", medians, "starts", list));
            System.out.printf("  %-30s start to ready %5d ms, then the first GraphQL answer %4d ms; idle %d MiB%n",
                    name, medians.get("startToReadyMs"), medians.get("firstAnswerMs"), medians.get("idleMiB"));
        });
        Path json = Path.of("target/container-benchmark.json");
        Files.writeString(json, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println("written to " + json.toAbsolutePath());
        System.exit(0); // the stand-ins' threads would keep this JVM alive
    }

    private static Start start(KippuImage image) throws IOException, InterruptedException {
        try (KippuContainer kippu = image.startService()) {
            Instant asked = Instant.now();
            int status = KippuApi.at(kippu.baseUrl()).http().query("{ events(first: 5) { edges { node { id title seatsRemaining } } } }").statusCode();
            if (status != 200) {
                throw new IllegalStateException("the first query answered " + status);
            }
            long firstAnswer = Duration.between(asked, Instant.now()).toMillis();
            Thread.sleep(SETTLE);
            return new Start(kippu.startToReady().toMillis(), firstAnswer, kippu.memoryUsageBytes());
        }
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    record Start(long toReady, long firstAnswer, long idleBytes) {
    }
}
