package dev.kippu.load.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The CPU time and resident memory of the processes that are Kippu, sampled every second over a
 * run: for a process that started during the run (a new execution environment) all of its CPU
 * time counts, its init included; for one that ended, the CPU time of its last sample. Resident
 * memory is the sum of the processes' {@code VmRSS} ({@code /proc}, so Linux only: elsewhere
 * nothing is sampled).
 */
public final class ResourceUse implements AutoCloseable {

    private static final Duration EVERY = Duration.ofSeconds(1);
    private static final boolean PROC = Files.isReadable(Path.of("/proc/self/status"));

    private final Supplier<List<ProcessHandle>> processes;
    private final long startNanos = System.nanoTime();
    private final Map<Long, Duration> cpuAtStart = new ConcurrentHashMap<>();
    private final Map<Long, Duration> cpuLastSeen = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> samples = new ArrayList<>();
    private final Thread sampler;
    private int processesPeak;

    private ResourceUse(Supplier<List<ProcessHandle>> processes) {
        this.processes = processes;
        for (ProcessHandle process : processes.get()) {
            cpu(process).ifPresent(cpu -> cpuAtStart.put(process.pid(), cpu));
        }
        sample();
        this.sampler = Thread.ofPlatform().daemon().name("resource-use").start(this::sampleEverySecond);
    }

    /** Samples {@code processes} from now until closed. */
    public static ResourceUse sampling(Supplier<List<ProcessHandle>> processes) {
        return new ResourceUse(processes);
    }

    /** The result's {@code resources}: none when nothing could be sampled (no process here, or no {@code /proc}). */
    public synchronized Optional<Map<String, Object>> figures(long requests) {
        if (!PROC || processesPeak == 0) {
            return Optional.empty();
        }
        long cpuMillis = cpuMillis();
        Map<String, Object> resident = new LinkedHashMap<>();
        resident.put("start", samples.getFirst().get("residentMiB"));
        resident.put("peak", samples.stream().mapToDouble(sample -> (Double) sample.get("residentMiB")).max().orElseThrow());
        resident.put("end", samples.getLast().get("residentMiB"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sampleSeconds", EVERY.toSeconds());
        figures.put("processesPeak", processesPeak);
        figures.put("cpuMillis", cpuMillis);
        figures.put("cpuMillisPerRequest", requests == 0 ? null : Math.round(cpuMillis * 100.0 / requests) / 100.0);
        figures.put("residentMiB", resident);
        figures.put("samples", List.copyOf(samples));
        return Optional.of(figures);
    }

    /** Takes a last sample and stops sampling. */
    @Override
    public void close() {
        sampler.interrupt();
        try {
            sampler.join(EVERY.multipliedBy(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }

    private void sampleEverySecond() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(EVERY);
            } catch (InterruptedException stopping) {
                return;
            }
            sample();
        }
    }

    private synchronized void sample() {
        List<ProcessHandle> alive = processes.get().stream().filter(ProcessHandle::isAlive).toList();
        double residentMiB = 0;
        for (ProcessHandle process : alive) {
            // a process that ended meanwhile keeps its last CPU time and holds no memory
            cpu(process).ifPresent(cpu -> cpuLastSeen.put(process.pid(), cpu));
            residentMiB += residentMiB(process.pid());
        }
        processesPeak = Math.max(processesPeak, alive.size());
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("second", Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0);
        sample.put("processes", alive.size());
        sample.put("residentMiB", Math.round(residentMiB * 10) / 10.0);
        sample.put("cpuMillis", cpuMillis());
        samples.add(sample);
    }

    private long cpuMillis() {
        return cpuLastSeen.entrySet().stream()
                .mapToLong(seen -> seen.getValue().minus(cpuAtStart.getOrDefault(seen.getKey(), Duration.ZERO)).toMillis()).sum();
    }

    private static Optional<Duration> cpu(ProcessHandle process) {
        return process.info().totalCpuDuration();
    }

    /** {@code VmRSS} of {@code /proc/<pid>/status}; 0 for a process that is gone. */
    static double residentMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToDouble(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0)
                    .findFirst().orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }
}
