package dev.kippu.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import dev.kippu.contract.AotTraining;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;

/**
 * The AOT cache's training run in the image itself, with the JVM and the class path it will run
 * with (a cache recorded by another JVM, or from jars at other paths, is refused at start): the
 * training image (-Dkippu.test.image) started with its own entry point but
 * {@code -XX:AOTCacheOutput} for {@code -XX:AOTCache}, sent what {@link AotTraining} sends, then
 * stopped as a platform stops it. The cache lands in {@code -Dkippu.test.aot-cache}'s directory;
 * the build puts it in the image beside the jars.
 */
public final class ContainerAotTraining {

    private static final Duration STOP_PATIENCE = Duration.ofMinutes(2);

    private ContainerAotTraining() {
    }

    public static void main(String[] args) {
        try {
            train(Path.of(System.getProperty("kippu.test.aot-cache")).toAbsolutePath());
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1); // the stand-ins' threads would keep this JVM alive
        }
        System.exit(0);
    }

    private static void train(Path cache) throws IOException {
        Path directory = Files.createDirectories(cache.getParent());
        Files.deleteIfExists(cache);
        // the image's user (not root) writes the cache
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        String inContainer = "/aot-cache/" + cache.getFileName();
        KippuImage image = KippuImage.built().withSettings(KippuStandIns.shared().properties())
                .withDirectory(directory, "/aot-cache")
                // at exit the JVM starts a second one that assembles the cache: room for both
                .withMemoryLimitMiB(4096)
                .withEntrypoint(entrypoint -> recording(entrypoint, inContainer));
        KippuContainer.Ended ended;
        try (KippuContainer kippu = image.startService()) {
            AotTraining.exerciseTheGraphQlPath(KippuApi.at(kippu.baseUrl()));
            ended = kippu.stop(STOP_PATIENCE);
        }
        if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
            throw new IllegalStateException("the training run ended (" + ended.exitStatus() + ") but wrote no AOT cache at " + cache + "; its log:\n" + ended.logs());
        }
        System.out.printf("AOT cache %s (%d MiB), recorded in %s%n", cache, Files.size(cache) >> 20, image.name());
    }

    private static List<String> recording(List<String> entrypoint, String cache) {
        List<String> recording = entrypoint.stream().map(option -> option.startsWith("-XX:AOTCache=") ? "-XX:AOTCacheOutput=" + cache : option).toList();
        if (recording.equals(entrypoint)) {
            throw new IllegalStateException("the image's entry point names no -XX:AOTCache: " + entrypoint);
        }
        return recording;
    }
}
