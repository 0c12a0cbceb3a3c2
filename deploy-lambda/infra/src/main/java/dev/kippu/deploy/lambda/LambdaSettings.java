package dev.kippu.deploy.lambda;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.kippu.deploy.shared.Context;
import dev.kippu.deploy.shared.Synthesis;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The Lambda stack's settings, from the app's context (docs/infrastructure.md lists the keys).
 *
 * @param prefix       the shared stack's prefix, whose exports this stack imports
 * @param variant      how the functions run
 * @param frontDoor    how HTTP reaches the HTTP function
 * @param code         the function zip: deploy-lambda's (JVM variants) or the native one (with {@code bootstrap})
 * @param memoryMb     each function's memory
 * @param logRetention how long the functions' logs are kept
 * @param apiThrottle  the HTTP API's steady rate and burst (requests per second)
 * @param corsOrigins  origins besides the site's that may call the HTTP API from a browser
 * @param instances    the Managed Instances capacity, for that variant
 */
public record LambdaSettings(
        String prefix,
        Variant variant,
        FrontDoor frontDoor,
        Path code,
        int memoryMb,
        RetentionDays logRetention,
        Throttle apiThrottle,
        List<String> corsOrigins,
        ManagedInstances instances) {

    public LambdaSettings {
        corsOrigins = List.copyOf(corsOrigins);
        if (memoryMb < 128 || memoryMb > 32768) {
            throw new IllegalArgumentException("kippu:memoryMb is between 128 and 32768, not " + memoryMb);
        }
    }

    public static LambdaSettings from(Context context) {
        Variant variant = Variant.of(context.choice("kippu:variant", "snapstart", List.of("snapstart", "native", "managed-instances")));
        String zip = variant == Variant.NATIVE
                ? context.text("kippu:nativeZip", "../target/kippu-lambda-native.zip")
                : context.text("kippu:zip", "../target/kippu-lambda.zip");
        return new LambdaSettings(
                context.text("kippu:prefix", "kippu"),
                variant,
                context.choice("kippu:frontDoor", "function-url", List.of("function-url", "http-api")).equals("http-api")
                        ? FrontDoor.HTTP_API : FrontDoor.FUNCTION_URL,
                Synthesis.moduleDirectory().resolve(zip).normalize(),
                context.number("kippu:memoryMb", variant.defaultMemoryMb),
                RetentionDays.valueOf(context.text("kippu:logRetention", "ONE_MONTH")),
                new Throttle(context.number("kippu:apiRateLimit", 100), context.number("kippu:apiBurstLimit", 200)),
                context.list("kippu:corsOrigins"),
                new ManagedInstances(
                        context.list("kippu:miInstanceTypes"),
                        context.number("kippu:miMaxVCpus", 12),
                        context.number("kippu:miPerEnvironmentConcurrency", 16),
                        context.number("kippu:miMemoryGiBPerVCpu", 2),
                        context.text("kippu:miMinEnvironments").map(Integer::parseInt)));
    }

    public enum Variant {
        /** java25 with SnapStart on published versions: a snapshot of the started application, restored per environment. */
        SNAPSTART("snapstart", 2048),
        /** The GraalVM native executable ({@code bootstrap}) on provided.al2023. */
        NATIVE("native", 1024),
        /** java25 on Lambda Managed Instances: EC2 instances of a capacity provider in the shared VPC, many requests per environment. */
        MANAGED_INSTANCES("managed-instances", 2048);

        private final String contextName;
        private final int defaultMemoryMb;

        Variant(String contextName, int defaultMemoryMb) {
            this.contextName = contextName;
            this.defaultMemoryMb = defaultMemoryMb;
        }

        public String contextName() {
            return contextName;
        }

        static Variant of(String contextName) {
            return switch (contextName) {
                case "native" -> NATIVE;
                case "managed-instances" -> MANAGED_INSTANCES;
                default -> SNAPSTART;
            };
        }
    }

    public enum FrontDoor {
        /** A Function URL (AWS_IAM) that only the shared CloudFront distribution can call, signed by origin access control. */
        FUNCTION_URL,
        /** An HTTP API (payload format 2.0), throttled, with CORS for the site. */
        HTTP_API
    }

    public record Throttle(int rateLimit, int burstLimit) {
    }

    /**
     * @param instanceTypes               the EC2 instance types the capacity provider may launch (empty: Lambda chooses)
     * @param maxVCpus                    the most vCPUs the capacity provider runs at once (at least 12)
     * @param perEnvironmentConcurrency   invocations one execution environment serves at once
     * @param memoryGiBPerVCpu            an execution environment's memory per vCPU (2, 4 or 8)
     * @param minEnvironments             execution environments kept per published version (Lambda's default when empty)
     */
    public record ManagedInstances(List<String> instanceTypes, int maxVCpus, int perEnvironmentConcurrency, int memoryGiBPerVCpu,
                                   Optional<Integer> minEnvironments) {

        public ManagedInstances {
            instanceTypes = List.copyOf(instanceTypes);
        }
    }
}
