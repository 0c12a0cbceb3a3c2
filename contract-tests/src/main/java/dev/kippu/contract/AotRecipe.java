package dev.kippu.contract;

import java.nio.file.Path;
import java.util.List;

/**
 * Kippu started the fast way: the executable jar extracted ({@code -Djarmode=tools extract}),
 * Spring AOT's generated initializers ({@code -Dspring.aot.enabled=true}) and the JDK's AOT cache
 * ({@code -XX:AOTCache}), which a training run of the GraphQL path made ({@link AotTraining}).
 * {@code app/}'s build makes both files; the contract suite, the start-up benchmark and the container
 * image use the same ones with the same options.
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
        return List.of("-XX:AOTCache=" + cache().toAbsolutePath(), "-Dspring.aot.enabled=true");
    }

    /** How the training run records the cache: written when that JVM exits. */
    static List<String> trainingOptions() {
        return List.of("-XX:AOTCacheOutput=" + cache().toAbsolutePath(), "-Dspring.aot.enabled=true");
    }
}
