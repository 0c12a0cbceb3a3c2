package dev.kippu.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.kippu.contract.KippuLauncher;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.local.ContainerCredentialsStandIn;
import dev.kippu.local.LambdaFleet;
import dev.kippu.local.LambdaStandIn;
import dev.kippu.local.SqsEventSource;
import dev.kippu.local.StandInProcess;

/**
 * {@code kippu.test.target=lambda}: Kippu's three Lambda functions as Lambda runs them with
 * SnapStart, each a process of the runtime interface client (what the {@code java25} runtime is)
 * loading its handler from the zip's jars, configured through its environment, polling the Runtime
 * API of a {@link LambdaStandIn} of its own: {@link HttpHandler} behind the stand-in's HTTP API,
 * which the suite reaches; {@link EmailQueueHandler} fed by an {@link SqsEventSource} on the e-mail
 * queue; and {@link ScheduleHandler}, invoked every {@value #SCHEDULE_SECONDS} seconds here (every
 * minute in AWS). Each function is one execution environment, taking one invocation at a time. Its
 * SnapStart hooks run as on Lambda, before the (here, imaginary) snapshot and after its restore, and
 * its credentials come from a container credentials endpoint, as they do with SnapStart.
 */
public class LambdaLauncher implements KippuLauncher {

    /** API Gateway's longest integration timeout. */
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INIT_PATIENCE = Duration.ofSeconds(120);
    private static final int SCHEDULE_SECONDS = 2;
    private static final int MANAGED_INSTANCES_CONCURRENCY = 8;
    private static final String EMAIL_QUEUE = "kippu-emails";
    private static final String RUNTIME_INTERFACE_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Where Lambda's java runtime points the CRaC API: at the runtime interface client's implementation, which SnapStart drives. */
    private static final String CRAC_OF_THE_RUNTIME = "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac";
    /** The runtime interface client's native library, if not the copy it unpacks itself ({@code JniHelper}). */
    private static final String NATIVE_CLIENT_LIBRARY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static Path nativeClientLibrary;

    /** How Lambda runs the function, as far as it shows to the function's process. */
    enum Variant {
        SNAP_START("lambda", "snap-start", 1, true, true),
        // Kippu reads only snap-start from AWS_LAMBDA_INITIALIZATION_TYPE; this value is a guess at Managed Instances' own
        MANAGED_INSTANCES("lambda-mi", "lambda-managed-instances", MANAGED_INSTANCES_CONCURRENCY, true, true),
        NATIVE("lambda-native", "on-demand", 1, false, false),
        /** The native executable itself ({@code -Pnative}, GraalVM hosts only). */
        NATIVE_EXECUTABLE("lambda-native-executable", "on-demand", 1, false, false),
        /** {@code java25} without SnapStart: no target of the suite, the baseline of {@code ./kippu bench lambda}'s cold starts. */
        ON_DEMAND("lambda-on-demand", "on-demand", 1, true, false);

        final String target;
        final String initializationType;
        final int concurrency;
        final boolean runtimeInterfaceClient;
        final boolean containerCredentials;

        Variant(String target, String initializationType, int concurrency, boolean runtimeInterfaceClient, boolean containerCredentials) {
            this.target = target;
            this.initializationType = initializationType;
            this.concurrency = concurrency;
            this.runtimeInterfaceClient = runtimeInterfaceClient;
            this.containerCredentials = containerCredentials;
        }
    }

    private final Variant variant;

    public LambdaLauncher() {
        this(Variant.SNAP_START);
    }

    LambdaLauncher(Variant variant) {
        this.variant = variant;
    }

    /**
     * {@code kippu.test.target=lambda-mi}: the same functions as on Lambda Managed Instances, where
     * one execution environment takes up to {@value #MANAGED_INSTANCES_CONCURRENCY} invocations at
     * once, each on a thread of its own ({@code AWS_LAMBDA_MAX_CONCURRENCY}).
     */
    public static final class ManagedInstances extends LambdaLauncher {

        public ManagedInstances() {
            super(Variant.MANAGED_INSTANCES);
        }
    }

    /**
     * {@code kippu.test.target=lambda-native}: the native function's bootstrap loop
     * ({@link CustomRuntime}, the executable's main on {@code provided.al2023}), here on the JVM
     * from the zip's jars and on the context Spring AOT generated, as the executable runs, with the
     * role's credentials in the environment as Lambda gives them on demand. The native executable
     * itself is built and tested on GraalVM hosts only.
     */
    public static final class Native extends LambdaLauncher {

        public Native() {
            super(Variant.NATIVE);
        }
    }

    /**
     * {@code kippu.test.target=lambda-fleet}: the HTTP function as the Lambda service scales it on
     * demand, in a {@link LambdaFleet}: an execution environment per concurrent request, each one a
     * process as the other targets run the function, launched when a request finds none idle, up to
     * {@code -Dkippu.test.lambda.max-environments} (default {@value #DEFAULT_MAX_ENVIRONMENTS}: each is a
     * JVM of some 250 MB); the e-mail and schedule functions as in {@code lambda}. On {@code java25} without
     * SnapStart ({@link Variant#ON_DEMAND}): nothing here takes a snapshot to restore a new
     * environment from, so each runs its whole init, as an on-demand function's environments do. The
     * first environment is launched at the start and checked as every target's functions are; the
     * others run the same command in the same environment.
     *
     * <p>{@link Running#coldStarts()} holds every environment, the first one included, once it has
     * served a request: its init, and the latency of its first request (arrival to response), which
     * for the first environment holds no init, done before that request arrived; environments that
     * have served no request yet are left out.
     */
    public static final class Fleet extends LambdaLauncher {

        static final String MAX_ENVIRONMENTS = "kippu.test.lambda.max-environments";
        static final int DEFAULT_MAX_ENVIRONMENTS = 4;

        public Fleet() {
            super(Variant.ON_DEMAND);
        }

        @Override
        public String name() {
            return "lambda-fleet";
        }

        @Override
        HttpFunction startHttpFunction(Map<String, String> settings, ContainerCredentialsStandIn credentials) {
            int credentialsHandedOut = credentials.handedOut();
            AtomicReference<StandInProcess> first = new AtomicReference<>();
            LambdaFleet fleet = LambdaFleet.start(HTTP_TIMEOUT, INIT_PATIENCE, Integer.getInteger(MAX_ENVIRONMENTS, DEFAULT_MAX_ENVIRONMENTS),
                    (id, runtimeApiAddress) -> {
                        StandInProcess environment = launch("kippu-lambda-http-" + id, HttpHandler.class, runtimeApiAddress, settings, credentials);
                        first.compareAndSet(null, environment);
                        return environment;
                    });
            try {
                checkInit(first.get(), "kippu-lambda-http (the fleet's first environment)", HttpHandler.class, false,
                        credentials.handedOut() > credentialsHandedOut);
            } catch (RuntimeException e) {
                fleet.close();
                throw e;
            }
            return new HttpFunction(fleet.url(),
                    () -> fleet.environments().stream().map(LambdaFleet.Environment::process).filter(ProcessHandle::isAlive).toList(),
                    () -> fleet.environments().stream()
                            .filter(environment -> environment.init().isPresent() && environment.firstInvocation().isPresent())
                            .map(environment -> new ColdStart(environment.id(), environment.launched(), environment.init().orElseThrow(),
                                    environment.firstInvocation().orElseThrow()))
                            .toList(),
                    fleet::close);
        }
    }

    /** {@code kippu.test.target=lambda-native-executable}: the native function's executable, as its bootstrap. */
    public static final class NativeExecutable extends LambdaLauncher {

        public NativeExecutable() {
            super(Variant.NATIVE_EXECUTABLE);
        }
    }

    @Override
    public String name() {
        return variant.target;
    }

    @Override
    public Running start(Map<String, String> settings) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            ContainerCredentialsStandIn credentials = opened(started, credentialsEndpoint(settings));
            HttpFunction http = opened(started, startHttpFunction(settings, credentials));
            LambdaStandIn emails = opened(started, LambdaStandIn.start(EVENT_TIMEOUT));
            LambdaStandIn schedule = opened(started, LambdaStandIn.start(EVENT_TIMEOUT));
            List<StandInProcess> eventFunctions = List.of(
                    opened(started, startFunction("kippu-lambda-emails", EmailQueueHandler.class, emails, settings, credentials)),
                    opened(started, startFunction("kippu-lambda-schedule", ScheduleHandler.class, schedule, settings, credentials)));
            opened(started, SqsEventSource.start(KippuStandIns.shared().sqs(), EMAIL_QUEUE, emails, 10));
            Thread scheduler = Thread.ofVirtual().name("schedule").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    schedule.invoke("{\"source\":\"aws.scheduler\"}");
                    try {
                        Thread.sleep(Duration.ofSeconds(SCHEDULE_SECONDS));
                    } catch (InterruptedException stopping) {
                        return;
                    }
                }
            });
            started.add(scheduler::interrupt);
            return new Running() {
                @Override
                public URI baseUrl() {
                    return http.url();
                }

                @Override
                public List<ProcessHandle> processes() {
                    return Stream.concat(http.processes().get().stream(), eventFunctions.stream().map(StandInProcess::handle)).toList();
                }

                @Override
                public List<ColdStart> coldStarts() {
                    return http.coldStarts().get();
                }

                @Override
                public void close() {
                    closeAll(started);
                }
            };
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /** The HTTP function, one execution environment behind a {@link LambdaStandIn}'s HTTP API. */
    HttpFunction startHttpFunction(Map<String, String> settings, ContainerCredentialsStandIn credentials) {
        LambdaStandIn lambda = LambdaStandIn.start(HTTP_TIMEOUT);
        StandInProcess function;
        try {
            function = startFunction("kippu-lambda-http", HttpHandler.class, lambda, settings, credentials);
        } catch (RuntimeException e) {
            lambda.close();
            throw e;
        }
        return new HttpFunction(lambda.url(), () -> List.of(function.handle()), List::of, () -> {
            function.close();
            lambda.close();
        });
    }

    /**
     * The HTTP function as started: the HTTP API in front of it, its execution environments'
     * processes and cold starts (none recorded for a single environment), and how to stop it.
     */
    record HttpFunction(URI url, Supplier<List<ProcessHandle>> processes, Supplier<List<ColdStart>> coldStarts, Runnable stop)
            implements AutoCloseable {

        @Override
        public void close() {
            stop.run();
        }
    }

    /** The endpoint that hands the role's credentials (here, the stand-ins' keys) to the functions that take them from one. */
    static ContainerCredentialsStandIn credentialsEndpoint(Map<String, String> settings) {
        return ContainerCredentialsStandIn.start(settings.get("kippu.aws.access-key-id"), settings.get("kippu.aws.secret-access-key"));
    }

    /**
     * Starts a function and returns once its runtime asks for the first invocation: the end of its
     * init, by which Kippu must have started (Spring Boot's "Started" line in its log), so that no
     * invocation waits for it and SnapStart's snapshot holds it; with SnapStart, after its restore.
     */
    StandInProcess startFunction(String name, Class<?> handler, LambdaStandIn lambda, Map<String, String> settings,
            ContainerCredentialsStandIn credentials) {
        int credentialsHandedOut = credentials.handedOut();
        StandInProcess function = launch(name, handler, lambda.runtimeApiAddress(), settings, credentials);
        if (!lambda.awaitInit(function, INIT_PATIENCE)) {
            throw failed(function, name + " did not finish its init");
        }
        checkInit(function, name, handler, lambda.restored().isPresent(), credentials.handedOut() > credentialsHandedOut);
        return function;
    }

    /** Launches a function's process, its runtime to poll the Runtime API at {@code runtimeApiAddress} ({@code host:port}). */
    StandInProcess launch(String name, Class<?> handler, String runtimeApiAddress, Map<String, String> settings,
            ContainerCredentialsStandIn credentials) {
        // the Runtime API listens already: the process is up once launched, and its init ends at its first poll
        int runtimeApiPort = Integer.parseInt(runtimeApiAddress.substring(runtimeApiAddress.lastIndexOf(':') + 1));
        return StandInProcess.start(name, command(handler), environment(runtimeApiAddress, settings, credentials, handler),
                runtimeApiPort, INIT_PATIENCE);
    }

    /**
     * Checks what a function's init must have done by its first poll ({@code restored}: it asked to be
     * restored first; {@code tookCredentials}: the container endpoint handed credentials out since its
     * launch); if it has not, stops it and throws.
     */
    void checkInit(StandInProcess function, String name, Class<?> handler, boolean restored, boolean tookCredentials) {
        if (!kippuStarted(function)) {
            throw failed(function, name + " asked for its first invocation before Kippu had started: it must start in the init phase");
        }
        if (!variant.runtimeInterfaceClient && !logged(function, "\"message\":\"Starting AOT-processed ")) {
            throw failed(function, name + " did not start on Spring AOT's generated context, as the native executable does");
        }
        if (!variant.runtimeInterfaceClient && logged(function, "Starting AWSWebRuntimeEventLoop")) {
            throw failed(function, name + " started the adapter's own Runtime API loop beside CustomRuntime's (its handler class was not found by name)");
        }
        // a function that warms up calls DynamoDB in its init (the e-mail worker, as in the stack, does not)
        if (variant.containerCredentials && handler != EmailQueueHandler.class && !tookCredentials) {
            throw failed(function, name + " took no credentials from the container endpoint in its init");
        }
        if (variant == Variant.SNAP_START && (!restored || !logged(function, "\"message\":\"Ready for the snapshot")
                || !logged(function, "\"message\":\"Restored from the snapshot"))) {
            throw failed(function, name + " asked for its first invocation without being primed and restored: its SnapStart hooks did not run");
        }
        if (handler == HttpHandler.class && variant == Variant.SNAP_START && !logged(function, "\"message\":\"Primed the GraphQL path")) {
            throw failed(function, name + " was not primed on the GraphQL path before the snapshot");
        }
    }

    private static boolean kippuStarted(StandInProcess function) {
        return logged(function, "\"message\":\"Started ");
    }

    private static boolean logged(StandInProcess function, String text) {
        try {
            return Files.readString(function.log()).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException failed(StandInProcess function, String what) {
        String log = function.logTail();
        function.close();
        return new IllegalStateException(what + "; the end of its log:\n" + log);
    }

    /** The runtime's process: the runtime interface client with the handler as its argument, or the native function's own loop. */
    List<String> command(Class<?> handler) {
        String classpath = jars("kippu.test.lambda-jars", "target/lambda/lib");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        if (variant == Variant.NATIVE_EXECUTABLE) {
            return List.of(Path.of(System.getProperty("kippu.test.lambda-bootstrap", "target/native/bootstrap")).toAbsolutePath().toString());
        }
        if (!variant.runtimeInterfaceClient) {
            // On Spring AOT's generated context, as the native executable runs; this module's jar
            // first, whose generated classes are the ones for the context the adapter starts (the
            // application's jar holds those of its own start, some under the same names)
            command.addAll(List.of("-Dspring.aot.enabled=true", "-cp", thisModulesJar() + java.io.File.pathSeparator + classpath,
                    CustomRuntime.class.getName()));
            return command;
        }
        if (variant == Variant.SNAP_START) {
            command.add(CRAC_OF_THE_RUNTIME);
        }
        command.add("-D" + NATIVE_CLIENT_LIBRARY + "=" + nativeClientLibrary());
        command.addAll(List.of("-cp", classpath + java.io.File.pathSeparator + jars("kippu.test.lambda-runtime", "target/lambda-runtime"),
                RUNTIME_INTERFACE_CLIENT, handler.getName() + "::handleRequest"));
        return command;
    }

    /** The environment Lambda gives a function, and Kippu's settings as its environment variables. */
    Map<String, String> environment(String runtimeApiAddress, Map<String, String> settings, ContainerCredentialsStandIn credentials,
            Class<?> handler) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "AWS_LAMBDA_RUNTIME_API", runtimeApiAddress,
                "AWS_REGION", "us-east-1",
                "AWS_LAMBDA_FUNCTION_NAME", "kippu",
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024",
                "AWS_LAMBDA_INITIALIZATION_TYPE", variant.initializationType,
                "_HANDLER", handler.getName() + "::handleRequest",
                "KIPPU_EMAIL_QUEUE", EMAIL_QUEUE));
        if (variant.concurrency > 1) {
            environment.put("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(variant.concurrency));
        }
        if (handler == EmailQueueHandler.class) {
            // as deploy-lambda/infra's stack sets it: the worker's role reads nothing from the table
            environment.put("KIPPU_WARMUP_ENABLED", "false");
        }
        Map<String, String> kippu = new HashMap<>(settings);
        kippu.remove("kippu.aws.credentials");
        String accessKeyId = kippu.remove("kippu.aws.access-key-id");
        String secretAccessKey = kippu.remove("kippu.aws.secret-access-key");
        if (variant.containerCredentials) {
            environment.putAll(credentials.environment());
            // nowhere else to find any: not this machine's variables or files
            environment.putAll(Map.of("AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", "", "AWS_SESSION_TOKEN", "",
                    "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent", "AWS_CONFIG_FILE", "/nonexistent"));
        } else {
            // on demand, Lambda hands the function role's credentials over in these three variables
            environment.put("AWS_ACCESS_KEY_ID", accessKeyId);
            environment.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
            environment.put("AWS_SESSION_TOKEN", "local");
        }
        kippu.forEach((property, value) -> environment.put(variable(property), value));
        return environment;
    }

    /** Spring Boot's relaxed binding: {@code kippu.aws.endpoints.dynamodb} is {@code KIPPU_AWS_ENDPOINTS_DYNAMODB}. */
    static String variable(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

    /**
     * The runtime interface client's native library, unpacked once from the client's jar (among the
     * runtime's jars) for every function this JVM starts. The client unpacks it itself to
     * {@code /tmp/.libaws-lambda-jni.so} at each start, which on Lambda is the environment's own
     * {@code /tmp}; here, clients starting at once would load one another's half-written copy and
     * crash (SIGBUS in the dynamic loader).
     */
    private static synchronized String nativeClientLibrary() {
        if (nativeClientLibrary == null) {
            String architecture = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
            Path runtime = Path.of(System.getProperty("kippu.test.lambda-runtime", "target/lambda-runtime"));
            try (var jars = Files.list(runtime)) {
                Path client = jars.filter(jar -> jar.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client-"))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no runtime interface client in " + runtime.toAbsolutePath()));
                try (FileSystem jar = FileSystems.newFileSystem(client)) {
                    Path copy = Files.createTempFile("libaws-lambda-jni-", ".so");
                    copy.toFile().deleteOnExit();
                    Files.copy(jar.getPath("/jni/libaws-lambda-jni.linux-" + architecture + ".so"), copy, StandardCopyOption.REPLACE_EXISTING);
                    nativeClientLibrary = copy;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not unpack the runtime interface client's native library", e);
            }
        }
        return nativeClientLibrary.toString();
    }

    private static String thisModulesJar() {
        Path directory = Path.of(System.getProperty("kippu.test.lambda-jars", "target/lambda/lib"));
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith("kippu-deploy-lambda-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no kippu-deploy-lambda jar in " + directory.toAbsolutePath()))
                    .toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jars(String property, String fallback) {
        Path directory = Path.of(System.getProperty(property, fallback));
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("no " + directory.toAbsolutePath() + ": run the integration tests through Maven (verify)");
        }
        return directory.toAbsolutePath() + "/*";
    }

    private static <T extends AutoCloseable> T opened(List<AutoCloseable> started, T resource) {
        started.add(resource);
        return resource;
    }

    /** Stops the last started first: the scheduler and the event source before the functions they invoke. */
    private static void closeAll(List<AutoCloseable> started) {
        for (AutoCloseable resource : started.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                // stopping everything else matters more than this one's failure to stop
            }
        }
    }
}
