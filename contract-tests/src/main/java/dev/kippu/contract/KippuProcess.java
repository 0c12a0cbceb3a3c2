package dev.kippu.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kippu.local.StandInProcess;

/**
 * Kippu's executable jar as a process of its own, with the shipped settings, on a free loopback
 * port and the given properties (the stand-ins' coordinates): as an instance of a deployment runs.
 * The jar is the one this build made ({@code -Dkippu.test.jar}, set by {@code app/}'s integration-test run).
 */
public final class KippuProcess implements KippuLauncher.Running {

    private static final Duration START_PATIENCE = Duration.ofSeconds(120);

    private final StandInProcess process;

    private KippuProcess(StandInProcess process) {
        this.process = process;
    }

    /** Starts the jar and returns once its readiness probe says UP. */
    public static KippuProcess start(String name, Map<String, String> properties) {
        return start(name, properties, List.of(), builtJar());
    }

    /** Starts {@code jar} with these JVM options (the AOT recipe's, say) and returns once it is ready. */
    public static KippuProcess start(String name, Map<String, String> properties, List<String> jvmOptions, Path jar) {
        return start(name, command(properties, jvmOptions, jar), StandInProcess.freePort());
    }

    /** {@link #start(String, Map, List, Path)} on {@code port}, as a person runs it (8080). */
    public static KippuProcess start(String name, Map<String, String> properties, List<String> jvmOptions, Path jar, int port) {
        return start(name, command(properties, jvmOptions, jar), port);
    }

    /** Starts a native executable of Kippu (GraalVM) and returns once it is ready. */
    public static KippuProcess startExecutable(String name, Map<String, String> properties, Path executable) {
        List<String> command = new ArrayList<>(List.of(existing(executable).toAbsolutePath().toString()));
        properties.forEach((property, value) -> command.add("--" + property + "=" + value));
        return start(name, command, StandInProcess.freePort());
    }

    private static KippuProcess start(String name, List<String> command, int port) {
        command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1"));
        return StandInProcess.start(name, command, Map.of(), port, START_PATIENCE).wrap(started -> {
            KippuProcess kippu = new KippuProcess(started);
            kippu.awaitReady();
            return kippu;
        });
    }

    /**
     * Runs another entry point of the executable jar ({@code mainClass}, such as the reminder job)
     * to its end, as a scheduler runs a job (an ECS task, a CronJob): returns its exit status, or
     * fails if it is still running after {@code patience}. A fat jar starts only its own main
     * class, so another goes through Spring Boot's {@code PropertiesLauncher}.
     */
    public static int runToEnd(String mainClass, Map<String, String> properties, Duration patience) {
        return runToEnd(properties, patience, List.of("-cp", builtJar().toAbsolutePath().toString(), "-Dloader.main=" + mainClass,
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
    }

    /** {@link #runToEnd(String, Map, Duration)} from the extracted jar, with these JVM options (the AOT recipe's). */
    public static int runToEnd(String mainClass, Map<String, String> properties, Duration patience, List<String> jvmOptions, Path extractedJar) {
        List<String> launch = new ArrayList<>(jvmOptions);
        launch.addAll(List.of("-cp", existing(extractedJar).toAbsolutePath().toString(), mainClass));
        return runToEnd(properties, patience, launch);
    }

    private static int runToEnd(Map<String, String> properties, Duration patience, List<String> launch) {
        try {
            Path log = Files.createTempFile("kippu-job-", ".log");
            Process job = new ProcessBuilder(command(launch, properties)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!job.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("the job was still running after " + patience + "; its log:\n" + Files.readString(log));
                }
                return job.exitValue();
            } finally {
                job.destroyForcibly();
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The executable jar this build made. */
    static Path builtJar() {
        return existing(Path.of(System.getProperty("kippu.test.jar", "target/kippu-app-0.1.0-SNAPSHOT-exec.jar")));
    }

    static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file.toAbsolutePath() + ": run the integration tests through Maven (verify)");
        }
        return file;
    }

    private static List<String> command(Map<String, String> properties, List<String> jvmOptions, Path jar) {
        List<String> launch = new ArrayList<>(jvmOptions);
        launch.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return command(launch, properties);
    }

    /** {@code java}, how to launch (options, then the jar or class), then the properties as arguments. */
    private static List<String> command(List<String> launch, Map<String, String> properties) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(launch);
        properties.forEach((property, value) -> command.add("--" + property + "=" + value));
        return command;
    }

    @Override
    public List<ProcessHandle> processes() {
        return List.of(process.handle());
    }

    public int port() {
        return process.port();
    }

    @Override
    public URI baseUrl() {
        return URI.create(process.endpoint());
    }

    /** Asks it to end ({@code SIGTERM}) as a platform does, and waits up to {@code patience}; returns whether it ended by itself. */
    public boolean stop(Duration patience) {
        boolean ended = process.stop(patience);
        process.close();
        return ended;
    }

    /** Ends it at once, with no chance to finish anything: as a crashed instance or a lost host. */
    public void kill() {
        process.kill();
    }

    /** What it has logged so far. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(process.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }

    private void awaitReady() {
        if (!Readiness.await(URI.create(process.endpoint()), START_PATIENCE, process::isAlive)) {
            throw new IllegalStateException("Kippu was not ready on port " + port() + "; the end of its log:\n" + process.logTail());
        }
    }
}
