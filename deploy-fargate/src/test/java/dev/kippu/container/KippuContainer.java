package dev.kippu.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.testcontainers.containers.GenericContainer;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Statistics;

import dev.kippu.contract.KippuLauncher;
import dev.kippu.contract.Readiness;

/** A running container of Kippu's image (started by {@link KippuImage#startService()}); closing it removes it. */
public final class KippuContainer implements KippuLauncher.Running {

    private static final Duration START_PATIENCE = Duration.ofSeconds(120);

    private final GenericContainer<?> container;
    private final int port;
    private Duration startToReady;

    private KippuContainer(GenericContainer<?> container, int port) {
        this.container = container;
        this.port = port;
    }

    static KippuContainer start(GenericContainer<?> container, int port) {
        KippuContainer kippu = new KippuContainer(container, port);
        try {
            Instant started = Instant.now();
            container.start();
            kippu.awaitReady();
            kippu.startToReady = Duration.between(started, Instant.now());
            return kippu;
        } catch (RuntimeException | Error e) {
            kippu.close();
            throw e;
        }
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Its entry point's process (the JVM) as this machine sees it: the engine runs it here, in namespaces of its own. */
    @Override
    public List<ProcessHandle> processes() {
        Long pid = inspect().getState().getPidLong();
        return pid == null ? List.of() : ProcessHandle.of(pid).stream().toList();
    }

    /** From the engine's create and start to the first 200 of the readiness probe. */
    public Duration startToReady() {
        return startToReady;
    }

    /** What it has written to its standard output and error so far. */
    public String logs() {
        return container.getLogs();
    }

    public InspectContainerResponse inspect() {
        return container.getCurrentContainerInfo();
    }

    /** The memory its cgroup holds now (the figure a platform's memory limit is compared with). */
    public long memoryUsageBytes() {
        AtomicReference<Statistics> statistics = new AtomicReference<>();
        try (ResultCallback.Adapter<Statistics> callback = container.getDockerClient().statsCmd(container.getContainerId()).withNoStream(true)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Statistics next) {
                        statistics.set(next);
                    }
                })) {
            callback.awaitCompletion(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return statistics.get().getMemoryStats().getUsage();
    }

    /** Asks it to end ({@code SIGTERM}), as a platform does, and waits up to {@code patience} for it to end. */
    public Ended stop(Duration patience) {
        container.getDockerClient().killContainerCmd(container.getContainerId()).withSignal("TERM").exec();
        Instant asked = Instant.now();
        Integer status = container.getDockerClient().waitContainerCmd(container.getContainerId()).start()
                .awaitStatusCode(patience.toMillis(), TimeUnit.MILLISECONDS);
        return new Ended(status, Duration.between(asked, Instant.now()), container.getLogs());
    }

    @Override
    public void close() {
        container.stop();
    }

    private void awaitReady() {
        if (!Readiness.await(baseUrl(), START_PATIENCE, container::isRunning)) {
            throw new IllegalStateException("Kippu's container was not ready on port " + port + "; its log:\n" + container.getLogs());
        }
    }

    /** How a container ended: its exit status, how long it took after it was asked to, its log. */
    public record Ended(int exitStatus, Duration afterSigterm, String logs) {

        Ended(int exitStatus, String logs) {
            this(exitStatus, Duration.ZERO, logs);
        }
    }
}
