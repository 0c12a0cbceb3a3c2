package dev.kippu.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kippu.local.StandInProcess;

/**
 * Kippu's executable jar as a process of its own, with the shipped settings, on a free port and
 * the given properties (the stand-ins' coordinates): as an instance of a deployment runs. Its output
 * goes to {@code target/kippu-processes/<name>.log}. The jar is the one this build made
 * ({@code -Dkippu.test.jar}, set by the integration-test run).
 */
public final class KippuProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_PATIENCE = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Thread stopOnExit;

    private KippuProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.stopOnExit = new Thread(process::destroyForcibly, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts the jar and returns once its readiness probe says UP. */
    public static KippuProcess start(String name, Map<String, String> properties) {
        Path jar = Path.of(System.getProperty("kippu.test.jar", "target/kippu-app-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no executable jar at " + jar.toAbsolutePath() + ": run the integration tests through Maven (verify)");
        }
        int port = StandInProcess.freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1"));
        properties.forEach((property, value) -> command.add("--" + property + "=" + value));
        try {
            Path log = Files.createDirectories(Path.of("target", "kippu-processes")).resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            KippuProcess kippu = new KippuProcess(name, process, port, log);
            kippu.awaitReady();
            return kippu;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    /** What it has logged so far. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends it at once, with no chance to finish anything: as a crashed instance or a lost host. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(40))) {
                kill();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_PATIENCE);
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; its log:\n" + tail());
            }
            try {
                if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause();
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + START_PATIENCE + "; its log:\n" + tail());
    }

    private boolean waitFor(Duration patience) {
        try {
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail() {
        List<String> lines = logLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
