package dev.kippu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.kippu.local.StandInProcess;

/**
 * A variant started as a process of its own on a free loopback port, its output in a log file.
 * Closing it stops it as a platform stops an instance (SIGTERM, then SIGKILL if it lingers); so does
 * a shutdown hook when the benchmark ends early (a failure, Ctrl-C).
 */
final class VariantProcess implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofMinutes(3);
    /** Long enough for a graceful shutdown and for a training run to write its AOT cache. */
    private static final Duration STOP_PATIENCE = Duration.ofMinutes(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    /** USER_HZ, the unit of the CPU times in /proc/[pid]/stat: 100 on Linux for every mainstream architecture. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(VariantProcess::stop), "stop-benchmarked-processes"));
    }

    private final String name;
    private final long spawnedAt;
    private final Process process;
    private final int port;
    private final Path log;

    private VariantProcess(String name, long spawnedAt, Process process, int port, Path log) {
        this.name = name;
        this.spawnedAt = spawnedAt;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static VariantProcess start(Variant variant, Path workingDirectory, Path log) {
        int port = StandInProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(variant.command(port))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        try {
            long spawnedAt = System.nanoTime();
            Process process = builder.start();
            RUNNING.add(process);
            return new VariantProcess(variant.name(), spawnedAt, process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + variant.name() + ": " + String.join(" ", builder.command()), e);
        }
    }

    /** Polls until the events query is answered correctly; then the time since the spawn, the CPU time and memory so far. */
    Measurement awaitFirstCorrectAnswer() {
        long deadline = spawnedAt + START_PATIENCE.toNanos();
        String lastAnswer = "none (nothing listening)";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with status " + process.exitValue() + " before answering correctly");
            }
            try {
                HttpResponse<String> response = EventsQuery.send(port);
                if (EventsQuery.isCorrect(response)) {
                    long elapsed = System.nanoTime() - spawnedAt;
                    return new Measurement(Math.round(elapsed / 1e6) / 1e3, cpuSeconds(), Math.round(residentMiB() * 10) / 10.0);
                }
                lastAnswer = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                // connection refused: not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted");
            }
            sleep(POLL_INTERVAL);
        }
        throw failure("gave no correct answer within " + START_PATIENCE + "; its last answer: " + lastAnswer);
    }

    /** Sends the query again, as traffic does after the first answer (a training run for an AOT cache). */
    void answerQueries(int count) {
        for (int i = 0; i < count; i++) {
            try {
                if (!EventsQuery.isCorrect(EventsQuery.send(port))) {
                    throw failure("answered query " + (i + 1) + " of " + count + " wrongly");
                }
            } catch (IOException e) {
                throw failure("did not answer query " + (i + 1) + " of " + count + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted");
            }
        }
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        try {
            process.destroy();
            if (!process.waitFor(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
    }

    /** utime + stime of /proc/[pid]/stat (fields 14 and 15; counted after the command name, which may hold spaces). */
    private double cpuSeconds() {
        String stat = procFile("stat");
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / CLOCK_TICKS_PER_SECOND;
    }

    /** VmRSS of /proc/[pid]/status, in MiB. */
    private double residentMiB() {
        return procFile("status").lines().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong)
                .findFirst().orElseThrow(() -> failure("has no VmRSS in /proc/" + process.pid() + "/status")) / 1024.0;
    }

    private String procFile(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + process.pid() + "/" + file + " of " + name, e);
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(name + " " + what + "; the end of its log (" + log + "):\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
