package dev.kippu.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerConfig;

import dev.kippu.local.StandInProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kippu's image as the platforms run it: as its own user, on a read-only root filesystem with a
 * writable {@code /tmp} only, no capabilities, no privilege escalation, under a memory limit (no
 * swap), its settings in the environment, its port in {@code PORT}. It shares the host's network, so
 * that it reaches the stand-ins on the loopback address as a task reaches AWS's endpoints.
 */
public final class KippuImage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> command = new ArrayList<>();
    private long memoryLimitMiB = 1024;
    private boolean tmpfs = true;
    private UnaryOperator<List<String>> entrypoint;
    private Path hostDirectory;
    private String containerDirectory;

    private KippuImage(String name) {
        this.name = name;
    }

    /** The image this build made ({@code -Dkippu.test.image}, set by the build). */
    public static KippuImage built() {
        return named(System.getProperty("kippu.test.image", "kippu-app:0.1.0-SNAPSHOT"));
    }

    public static KippuImage named(String image) {
        return new KippuImage(image);
    }

    public String name() {
        return name;
    }

    /** Kippu's settings (Spring properties), handed over as {@code SPRING_APPLICATION_JSON}. */
    public KippuImage withSettings(Map<String, String> settings) {
        environment.put("SPRING_APPLICATION_JSON", JSON.writeValueAsString(settings));
        return this;
    }

    public KippuImage withEnvironment(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    public KippuImage withMemoryLimitMiB(long mebibytes) {
        this.memoryLimitMiB = mebibytes;
        return this;
    }

    /** The image's entry point changed by {@code change}, as a task definition's {@code entryPoint} does. */
    public KippuImage withEntrypoint(UnaryOperator<List<String>> change) {
        this.entrypoint = change;
        return this;
    }

    /** Arguments in place of the image's ({@code CMD}): another main class, such as the reminder job. */
    public KippuImage withCommand(String... arguments) {
        command.addAll(List.of(arguments));
        return this;
    }

    /**
     * No tmpfs at {@code /tmp}: the engine gives the volume the image declares there, with the
     * image's mode, as ECS does for a task-storage mount at a path the image declares a volume.
     */
    public KippuImage withTmpAsTheImageDeclaresIt() {
        this.tmpfs = false;
        return this;
    }

    /** A host directory the container may write to, such as where a training run leaves the AOT cache. */
    public KippuImage withDirectory(Path host, String inContainer) {
        this.hostDirectory = host;
        this.containerDirectory = inContainer;
        return this;
    }

    /** Starts the service on a free port and returns once its readiness probe answers 200. */
    public KippuContainer startService() {
        return startService(StandInProcess.freePort());
    }

    /** {@link #startService()} on {@code port}, as a person runs it (8080). */
    public KippuContainer startService(int port) {
        GenericContainer<?> container = container()
                .withEnv("PORT", Integer.toString(port))
                // the host's network: listen on the loopback address only, as the tests' own processes do
                .withEnv("SERVER_ADDRESS", "127.0.0.1");
        return KippuContainer.start(container, port);
    }

    /**
     * Runs it to its end, as a scheduler runs a job (an ECS task, a CronJob), and returns what it did;
     * fails if it is still running after {@code patience}.
     */
    public KippuContainer.Ended runToEnd(Duration patience) {
        GenericContainer<?> container = container().withStartupCheckStrategy(new UntilItEnds().withTimeout(patience));
        try (container) {
            container.start();
            return new KippuContainer.Ended(container.getCurrentContainerInfo().getState().getExitCodeLong().intValue(), container.getLogs());
        }
    }

    private GenericContainer<?> container() {
        long memoryLimit = memoryLimitMiB << 20;
        List<String> changedEntrypoint = entrypoint == null ? null : entrypoint.apply(entrypoint());
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(name))
                .withNetworkMode("host")
                .withEnv(environment)
                .withCreateContainerCmdModifier(create -> {
                    create.getHostConfig()
                            .withReadonlyRootfs(true)
                            .withCapDrop(Capability.ALL)
                            .withSecurityOpts(List.of("no-new-privileges"))
                            .withMemory(memoryLimit)
                            .withMemorySwap(memoryLimit);
                    if (changedEntrypoint != null) {
                        create.withEntrypoint(changedEntrypoint);
                    }
                });
        // an entry point set at create clears the image's arguments too (as in a task definition)
        List<String> arguments = command.isEmpty() && changedEntrypoint != null ? imageConfig().getCmd() == null ? List.of() : List.of(imageConfig().getCmd()) : command;
        if (!arguments.isEmpty()) {
            container.withCommand(arguments.toArray(String[]::new));
        }
        if (tmpfs) {
            container.withTmpFs(Map.of("/tmp", "rw,size=64m"));
        }
        if (hostDirectory != null) {
            container.withFileSystemBind(hostDirectory.toAbsolutePath().toString(), containerDirectory, BindMode.READ_WRITE);
        }
        return container;
    }

    /** The image's own entry point. */
    public List<String> entrypoint() {
        return List.of(imageConfig().getEntrypoint());
    }

    private ContainerConfig imageConfig() {
        return DockerClientFactory.instance().client().inspectImageCmd(name).exec().getConfig();
    }

    /** A job has started well once it has ended, whatever its exit status: the caller judges that. */
    private static final class UntilItEnds extends StartupCheckStrategy {

        @Override
        public StartupStatus checkStartupState(DockerClient docker, String containerId) {
            return Boolean.TRUE.equals(getCurrentState(docker, containerId).getRunning()) ? StartupStatus.NOT_YET_KNOWN : StartupStatus.SUCCESSFUL;
        }
    }
}
