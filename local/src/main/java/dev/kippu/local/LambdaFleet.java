package dev.kippu.local;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kippu.local.LambdaStandIn.Outcome;

/**
 * A Lambda function as the Lambda service runs it on demand, scaling by execution environments: an
 * HTTP API ({@link HttpApi}) on a free loopback port, and behind it environments, each a process of
 * its own polling a Runtime API of its own and taking one invocation at a time. An invocation goes
 * to an idle environment if there is one; otherwise a new one is launched and the invocation waits
 * for its init and is then served by it, so that its latency holds the cold start, as on Lambda. An
 * environment whose process exits is removed and never reused; the invocation it held fails with
 * {@code Runtime.ExitError}, which the HTTP API answers with a 502.
 *
 * <p>Lambda scales on up to the function's concurrency limit and throttles there (the Invoke API's
 * 429, {@code TooManyRequestsException}); the cap here, {@code maxEnvironments}, is the machine's
 * (each environment is a process with memory of its own), and at the cap an invocation waits for
 * the next environment to become idle instead, which {@link #waited()} counts. The first environment is launched at {@link #start} and
 * the fleet returns once its init is done, as a function with one provisioned environment would.
 */
public final class LambdaFleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LambdaFleet.class);

    private final Duration timeout;
    private final Duration initTimeout;
    private final int maxEnvironments;
    private final EnvironmentLauncher launcher;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpApi front;
    /** Guarded by {@code this}, as are all the fields of the environments below. */
    private final List<ExecutionEnvironment> launched = new ArrayList<>();
    private final List<ExecutionEnvironment> live = new ArrayList<>();
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private int waited;
    private boolean closed;

    /** How the fleet starts an execution environment's process. */
    @FunctionalInterface
    public interface EnvironmentLauncher {

        /** Launches environment {@code id}'s process, whose runtime polls the Runtime API at {@code runtimeApiAddress} ({@code host:port}). */
        StandInProcess launch(String id, String runtimeApiAddress);
    }

    /**
     * An execution environment: launched at {@code launched}, its init done {@code init} later (at its
     * first poll), its first invocation answered {@code firstInvocation} after that invocation's request
     * arrived, {@code invocations} served; its process, alive until it exits or is stopped.
     */
    public record Environment(String id, Instant launched, Optional<Duration> init, Optional<Duration> firstInvocation,
                              int invocations, ProcessHandle process) {
    }

    private LambdaFleet(Duration timeout, Duration initTimeout, int maxEnvironments, EnvironmentLauncher launcher) {
        this.timeout = timeout;
        this.initTimeout = initTimeout;
        this.maxEnvironments = maxEnvironments;
        this.launcher = launcher;
        this.front = HttpApi.start(this::invoke, threads);
    }

    /**
     * Starts the HTTP API and the first environment, and returns once that one's init is done;
     * {@code timeout} is the function's, {@code initTimeout} how long an environment's init may take.
     */
    public static LambdaFleet start(Duration timeout, Duration initTimeout, int maxEnvironments, EnvironmentLauncher launcher) {
        if (maxEnvironments < 1) {
            throw new IllegalArgumentException("a fleet needs room for one environment at least, not " + maxEnvironments);
        }
        LambdaFleet fleet = new LambdaFleet(timeout, initTimeout, maxEnvironments, launcher);
        try {
            ExecutionEnvironment first = fleet.take();
            if (!fleet.launch(first)) {
                throw new IllegalStateException("the first execution environment did not finish its init (the fleet's warning shows why)");
            }
            fleet.release(first);
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    /** The HTTP API's URL. */
    public URI url() {
        return front.url();
    }

    /** Every environment launched so far, in the order they were, the ones that have exited or failed their init included. */
    public synchronized List<Environment> environments() {
        return launched.stream().filter(environment -> environment.process != null).map(ExecutionEnvironment::snapshot).toList();
    }

    /** How many invocations found every one of the {@code maxEnvironments} busy and waited for one to become idle. */
    public synchronized int waited() {
        return waited;
    }

    /** Stops the HTTP API and every environment. */
    @Override
    public void close() {
        List<ExecutionEnvironment> stopping;
        synchronized (this) {
            closed = true;
            notifyAll();
            stopping = List.copyOf(launched);
        }
        front.close();
        for (ExecutionEnvironment environment : stopping) {
            if (environment.process != null) {
                environment.process.close();
            }
            environment.runtimeApi.close();
        }
        threads.shutdownNow();
    }

    private Outcome invoke(String event) {
        Instant arrived = Instant.now();
        ExecutionEnvironment environment = take();
        if (environment == null) {
            return new Outcome.Failed(LambdaStandIn.RUNTIME_EXIT_ERROR, "the fleet is closed");
        }
        if (environment.process == null && !launch(environment)) {
            return environment.runtimeApi.initError().map(error -> new Outcome.Failed("Runtime.InitError", error))
                    .orElse(new Outcome.Failed(LambdaStandIn.RUNTIME_EXIT_ERROR, "execution environment " + environment.id + " did not finish its init"));
        }
        Outcome outcome = environment.runtimeApi.invoke(event);
        synchronized (this) {
            if (environment.invocations++ == 0) {
                environment.firstInvocation = Duration.between(arrived, Instant.now());
            }
        }
        release(environment);
        return outcome;
    }

    /** An idle environment, or else a new one not launched yet, or else the next to become idle; null once the fleet is closed. */
    private synchronized ExecutionEnvironment take() {
        boolean counted = false;
        while (!closed) {
            if (!idle.isEmpty()) {
                return idle.pop();
            }
            if (live.size() < maxEnvironments) {
                ExecutionEnvironment environment = new ExecutionEnvironment(Integer.toString(launched.size() + 1), LambdaStandIn.runtimeApiOnly(timeout));
                launched.add(environment);
                live.add(environment);
                return environment;
            }
            if (!counted) {
                waited++;
                counted = true;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Launches the environment's process and waits for its init; if it fails, the environment is removed. */
    private boolean launch(ExecutionEnvironment environment) {
        StandInProcess process;
        try {
            process = launcher.launch(environment.id, environment.runtimeApi.runtimeApiAddress());
        } catch (RuntimeException e) {
            log.warn("Execution environment {} could not be launched", environment.id, e);
            remove(environment);
            return false;
        }
        boolean closedMeanwhile;
        synchronized (this) {
            environment.process = process;
            closedMeanwhile = closed;
        }
        process.handle().onExit().thenRun(() -> exited(environment));
        if (closedMeanwhile) {
            process.close();
            return false;
        }
        if (environment.runtimeApi.awaitInit(process, initTimeout)) {
            synchronized (this) {
                environment.init = Duration.between(environment.launched, environment.runtimeApi.firstPoll().orElseThrow());
            }
            return true;
        }
        remove(environment);
        String why = !process.isAlive() ? "exited in its init"
                : environment.runtimeApi.initError().isPresent() ? "reported an init error"
                : "did not finish its init within " + initTimeout;
        log.warn("Execution environment {} {}; the end of its log:\n{}", environment.id, why, process.logTail());
        process.close();
        return false;
    }

    private synchronized void release(ExecutionEnvironment environment) {
        if (live.contains(environment)) {
            idle.push(environment);
            notifyAll();
        }
    }

    /** Its process is gone: what it held fails as on Lambda, and it takes no more. */
    private void exited(ExecutionEnvironment environment) {
        boolean unexpected;
        synchronized (this) {
            // one that failed its init, or is stopped with the fleet, is no news
            unexpected = live.contains(environment) && environment.init != null && !closed;
        }
        remove(environment);
        environment.runtimeApi.runtimeExited("RequestId: execution environment " + environment.id + " Error: Runtime exited without answering");
        environment.runtimeApi.close();
        if (unexpected) {
            log.warn("Execution environment {} exited; the end of its log:\n{}", environment.id, environment.process.logTail());
        }
    }

    private synchronized void remove(ExecutionEnvironment environment) {
        idle.remove(environment);
        live.remove(environment);
        notifyAll();
    }

    private static final class ExecutionEnvironment {

        final String id;
        final LambdaStandIn runtimeApi;
        final Instant launched = Instant.now();
        StandInProcess process;
        Duration init;
        Duration firstInvocation;
        int invocations;

        ExecutionEnvironment(String id, LambdaStandIn runtimeApi) {
            this.id = id;
            this.runtimeApi = runtimeApi;
        }

        Environment snapshot() {
            return new Environment(id, launched, Optional.ofNullable(init), Optional.ofNullable(firstInvocation), invocations, process.handle());
        }
    }
}
