package dev.kippu.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in server running as a child process on a loopback port. It is ready once the port accepts
 * connections; closing it stops the process and everything it started. A JVM shutdown hook stops it
 * too, so Ctrl-C or a crashed test run leaves no process behind.
 */
public final class StandInProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Thread shutdownHook;

    private StandInProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} in a fresh temporary directory (its data and {@code <name>.log}, removed
     * on close) and waits until it listens on {@code port} of 127.0.0.1.
     */
    public static StandInProcess start(String name, List<String> command, Map<String, String> environment,
                                       int port, Duration startTimeout) {
        try {
            Path workDir = Files.createTempDirectory("kippu-" + name + "-");
            Path log = workDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            StandInProcess standIn = new StandInProcess(name, builder.start(), port, log);
            standIn.awaitListening(startTimeout);
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + String.join(" ", command) + ")", e);
        }
    }

    /** What wraps this process (a client, a set-up); if building it fails, the process is stopped. */
    public <T> T wrap(Function<StandInProcess, T> wrapper) {
        try {
            return wrapper.apply(this);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Its working directory, where it keeps its data. */
    public Path directory() {
        return log.getParent();
    }

    public Path log() {
        return log;
    }

    /** The process itself, for its CPU time and memory. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process at once ({@code SIGKILL}), as a crash would: for tests of what survives one. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + " before listening:\n" + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(50));
            }
        }
        stop();
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout + ":\n" + logTail());
    }

    /**
     * Asks the process to end ({@code SIGTERM}) and gives it {@code patience} to do so, then ends it
     * at once; returns whether it ended by itself. Its folder and log are gone afterwards.
     */
    public boolean stop(Duration patience) {
        boolean ended = false;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            ended = process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteWorkDirectory();
        return ended;
    }

    private void stop() {
        stop(Duration.ofSeconds(5));
    }

    private void deleteWorkDirectory() {
        try (var files = Files.walk(log.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException alreadyGone) {
            // nothing left to clean up
        }
    }

    /** The last lines it logged, for a failure's message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a stand-in", e);
        }
    }
}
