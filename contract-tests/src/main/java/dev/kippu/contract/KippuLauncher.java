package dev.kippu.contract;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Starts a Kippu for the contract suite, wired to the stand-ins: one per packaging (the application
 * in this JVM, its executable jar, later the container image or the Lambda artifact). A launcher
 * is found with {@link java.util.ServiceLoader} and chosen by {@code -Dkippu.test.target=<name>}.
 */
public interface KippuLauncher {

    /** The value of {@code kippu.test.target} that chooses this launcher. */
    String name();

    /** The launcher of that name on the class path. */
    static KippuLauncher named(String name) {
        List<KippuLauncher> launchers = ServiceLoader.load(KippuLauncher.class).stream().map(ServiceLoader.Provider::get).toList();
        return launchers.stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kippu launcher named '" + name + "' on the class path; there are "
                        + launchers.stream().map(KippuLauncher::name).toList()));
    }

    /** Starts Kippu with these settings (the stand-ins' coordinates) and returns once it is ready. */
    Running start(Map<String, String> settings);

    /** A Kippu that a launcher started; closing it stops it. */
    interface Running extends AutoCloseable {

        /** Where it answers, e.g. {@code http://127.0.0.1:8080}. */
        URI baseUrl();

        /** The operating-system processes that are this Kippu now, for their CPU time and memory; none when it runs elsewhere. */
        default List<ProcessHandle> processes() {
            return List.of();
        }

        /** The execution environments started so far that took a request, with their cold starts: none for long-running processes. */
        default List<ColdStart> coldStarts() {
            return List.of();
        }

        @Override
        void close();
    }

    /**
     * An execution environment's start: launched at {@code launched}, ready (its init done) after
     * {@code init}, and its first request answered {@code firstRequest} after that request arrived.
     */
    record ColdStart(String environment, Instant launched, Duration init, Duration firstRequest) {
    }
}
