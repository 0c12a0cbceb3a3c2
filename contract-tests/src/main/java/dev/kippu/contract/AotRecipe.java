package dev.kippu.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Kippu started the fast way: the executable jar extracted ({@code -Djarmode=tools extract}),
 * Spring AOT's generated initializers ({@code -Dspring.aot.enabled=true}) and the JDK's AOT cache
 * ({@code -XX:AOTCache}), which a training run of the GraphQL path made ({@link AotTraining}), with
 * the JVM options in {@code jvm.options} beside the jar. {@code app/}'s build makes all of them; the
 * contract suite, the start-up benchmark and the container image use the same ones.
 */
public final class AotRecipe {

    private AotRecipe() {
    }

    /** The extracted jar (its libraries beside it in {@code lib/}). */
    public static Path jar() {
        return Path.of(System.getProperty("kippu.test.aot-jar", "target/aot/kippu-app-0.1.0-SNAPSHOT-exec.jar"));
    }

    /** The AOT cache that the training run wrote. */
    public static Path cache() {
        return Path.of(System.getProperty("kippu.test.aot-cache", "target/aot/kippu.aot"));
    }

    /** How Kippu runs with the cache. */
    public static List<String> runOptions() {
        return Stream.concat(Stream.of("-XX:AOTCache=" + cache().toAbsolutePath(), "-Dspring.aot.enabled=true"), jvmOptions().stream()).toList();
    }

    /** How the training run records the cache (written when that JVM exits), with the options Kippu then runs with. */
    static List<String> trainingOptions() {
        return Stream.concat(Stream.of("-XX:AOTCacheOutput=" + cache().toAbsolutePath(), "-Dspring.aot.enabled=true"), jvmOptions().stream()).toList();
    }

    /** The memory settings, one per line in {@code jvm.options} (a {@code java @argfile}, so no comments). */
    static List<String> jvmOptions() {
        try {
            return Files.readAllLines(jar().resolveSibling("jvm.options")).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException missing) {
            throw new UncheckedIOException("The AOT recipe's jvm.options is missing beside " + jar() + ": build app/ with the AOT steps", missing);
        }
    }
}
