package dev.kippu.contract;

import java.net.URI;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The Kippu the contract suite runs against, chosen once per run:
 * <ul>
 * <li>{@code -Dkippu.test.base-url=http://host:port}: one already running, wired to the stand-ins
 * whose coordinates {@link KippuStandIns} reads from the stack file; nothing is started;</li>
 * <li>otherwise the one that the {@link KippuLauncher} named by {@code -Dkippu.test.target} starts
 * (default {@code in-process}, the launcher that {@code app/}'s tests provide), against stand-ins
 * started here. It is stopped when the run ends.</li>
 * </ul>
 */
public final class KippuUnderTest implements ParameterResolver {

    static final String BASE_URL = "kippu.test.base-url";
    static final String TARGET = "kippu.test.target";

    private static final System.Logger log = System.getLogger(KippuUnderTest.class.getName());

    /** Whether the tests run against a Kippu that this run did not start. */
    public static boolean runsElsewhere() {
        return System.getProperty(BASE_URL) != null;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KippuApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the root store outlives every test class and closes what it holds when the run ends
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(KippuUnderTest.class, key -> target(), Target.class).api();
    }

    private static Target target() {
        if (runsElsewhere()) {
            URI baseUrl = URI.create(System.getProperty(BASE_URL));
            log.log(System.Logger.Level.INFO, "The contract suite runs against the Kippu already running at {0}", baseUrl);
            return new Target(KippuApi.at(baseUrl), null);
        }
        String name = System.getProperty(TARGET, "in-process");
        KippuLauncher launcher;
        try {
            launcher = KippuLauncher.named(name);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException(unknown.getMessage() + " (-D" + TARGET + "). Or run against a Kippu already running with -D"
                    + BASE_URL + "=http://host:port.");
        }
        KippuLauncher.Running running = launcher.start(KippuStandIns.shared().properties());
        log.log(System.Logger.Level.INFO, "The contract suite runs against Kippu at {0}, started by the ''{1}'' launcher", running.baseUrl(), name);
        return new Target(KippuApi.at(running.baseUrl()), running);
    }

    private record Target(KippuApi api, KippuLauncher.Running running) implements AutoCloseable {

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
