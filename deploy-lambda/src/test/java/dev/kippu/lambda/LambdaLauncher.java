package dev.kippu.lambda;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kippu.contract.KippuLauncher;
import dev.kippu.contract.KippuProcess;
import dev.kippu.local.LambdaStandIn;

/**
 * {@code kippu.test.target=lambda}: Kippu's Lambda function as Lambda runs it, a process of the
 * runtime interface client (what the {@code java25} runtime is) loading {@link HttpHandler} from the
 * zip's jars, configured through its environment, polling the Runtime API of a
 * {@link LambdaStandIn}; the suite reaches it through the stand-in's HTTP API.
 */
public final class LambdaLauncher implements KippuLauncher {

    /** API Gateway's longest integration timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String RUNTIME_INTERFACE_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    @Override
    public String name() {
        return "lambda";
    }

    @Override
    public Running start(Map<String, String> settings) {
        LambdaStandIn lambda = LambdaStandIn.start(TIMEOUT);
        try {
            KippuProcess function = KippuProcess.start("kippu-lambda", command(HttpHandler.class), environment(lambda, settings),
                    lambda.url().getPort());
            return new Running() {
                @Override
                public URI baseUrl() {
                    return lambda.url();
                }

                @Override
                public void close() {
                    function.close();
                    lambda.close();
                }
            };
        } catch (RuntimeException e) {
            lambda.close();
            throw e;
        }
    }

    static List<String> command(Class<?> handler) {
        String classpath = jars("kippu.test.lambda-jars", "target/lambda/lib") + java.io.File.pathSeparator
                + jars("kippu.test.lambda-runtime", "target/lambda-runtime");
        return new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:+UseSerialGC",
                "-cp", classpath, RUNTIME_INTERFACE_CLIENT, handler.getName() + "::handleRequest"));
    }

    /** The environment Lambda gives a function, and Kippu's settings as its environment variables. */
    static Map<String, String> environment(LambdaStandIn lambda, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "AWS_LAMBDA_RUNTIME_API", lambda.runtimeApiAddress(),
                "AWS_REGION", "us-east-1",
                "AWS_LAMBDA_FUNCTION_NAME", "kippu",
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"));
        Map<String, String> kippu = new HashMap<>(settings);
        // Lambda hands the function role's credentials over in these three variables
        kippu.remove("kippu.aws.credentials");
        environment.put("AWS_ACCESS_KEY_ID", kippu.remove("kippu.aws.access-key-id"));
        environment.put("AWS_SECRET_ACCESS_KEY", kippu.remove("kippu.aws.secret-access-key"));
        environment.put("AWS_SESSION_TOKEN", "local");
        kippu.forEach((property, value) -> environment.put(variable(property), value));
        return environment;
    }

    /** Spring Boot's relaxed binding: {@code kippu.aws.endpoints.dynamodb} is {@code KIPPU_AWS_ENDPOINTS_DYNAMODB}. */
    static String variable(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

    private static String jars(String property, String fallback) {
        Path directory = Path.of(System.getProperty(property, fallback));
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("no " + directory.toAbsolutePath() + ": run the integration tests through Maven (verify)");
        }
        return directory.toAbsolutePath() + "/*";
    }
}
