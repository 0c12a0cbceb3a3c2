package dev.kippu.deploy.fargate;

import java.util.List;
import java.util.Optional;

import dev.kippu.deploy.shared.Context;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The Fargate stack's settings, from the app's context (docs/infrastructure.md lists the keys).
 *
 * @param prefix                 the shared stack's prefix, whose exports this stack imports
 * @param image                  the application image, a full registry reference ({@code <registry>/<repository>:<tag>}
 *                               or {@code @sha256:<digest>}); an ECR repository's is pulled with the execution role
 * @param cpu                    each task's CPU units (1024 = 1 vCPU), the service's and the job's
 * @param memoryMiB              each task's memory; the JVM takes half of it as heap
 * @param scaling                the service's task count and its targets
 * @param logRetention           how long the containers' logs are kept
 * @param reminderSchedule       when the reminder job runs (an EventBridge Scheduler expression)
 * @param jobArchitecture        the reminder job's CPU architecture on Fargate Spot
 * @param origin                 a name and certificate for the load balancer, when given: CloudFront reaches it over HTTPS
 * @param cloudFrontPrefixListId the region's CloudFront origin-facing prefix list, when given; else looked up (needs the
 *                               CLI's account and region)
 */
public record FargateSettings(
        String prefix,
        String image,
        int cpu,
        int memoryMiB,
        Scaling scaling,
        RetentionDays logRetention,
        String reminderSchedule,
        JobArchitecture jobArchitecture,
        Optional<OriginDomain> origin,
        Optional<String> cloudFrontPrefixListId) {

    public FargateSettings {
        if (memoryMiB < 512) {
            throw new IllegalArgumentException("kippu:memoryMiB is at least 512 (the smallest the image is tested with), not " + memoryMiB);
        }
    }

    public static FargateSettings from(Context context) {
        Optional<OriginDomain> origin = context.text("kippu:originDomainName").map(name -> new OriginDomain(name,
                context.text("kippu:hostedZoneId").orElseThrow(() -> missing("kippu:hostedZoneId", "kippu:originDomainName")),
                context.text("kippu:hostedZoneName").orElseThrow(() -> missing("kippu:hostedZoneName", "kippu:originDomainName"))));
        return new FargateSettings(
                context.text("kippu:prefix", "kippu"),
                context.text("kippu:image").orElseThrow(() -> new IllegalArgumentException(
                        "kippu:image names the application image: push it (./mvnw -pl deploy-fargate jib:build -Djib.to.image=<ECR URI>) "
                                + "and pass its reference, ideally by digest")),
                context.number("kippu:cpu", 512),
                context.number("kippu:memoryMiB", 1024),
                new Scaling(
                        context.number("kippu:minTasks", 2),
                        context.number("kippu:maxTasks", 8),
                        context.number("kippu:requestsPerTask", 1000),
                        context.number("kippu:cpuTarget", 60)),
                RetentionDays.valueOf(context.text("kippu:logRetention", "ONE_MONTH")),
                context.text("kippu:reminderSchedule", "rate(1 hour)"),
                context.choice("kippu:jobArchitecture", "x86_64", List.of("x86_64", "arm64")).equals("arm64")
                        ? JobArchitecture.ARM64 : JobArchitecture.X86_64,
                origin,
                context.text("kippu:cloudFrontPrefixListId"));
    }

    private static IllegalArgumentException missing(String key, String because) {
        return new IllegalArgumentException("context " + key + " is needed with " + because);
    }

    /**
     * @param minTasks        tasks that always run: at least two, so that the service is in two zones
     * @param maxTasks        the most tasks autoscaling starts
     * @param requestsPerTask the load balancer's requests per task per minute that target tracking holds
     * @param cpuTarget       the service's average CPU (percent) that target tracking holds
     */
    public record Scaling(int minTasks, int maxTasks, int requestsPerTask, int cpuTarget) {

        public Scaling {
            if (minTasks < 2) {
                throw new IllegalArgumentException("kippu:minTasks is at least 2, one task in each of two availability zones, not " + minTasks);
            }
            if (maxTasks < minTasks) {
                throw new IllegalArgumentException("kippu:maxTasks is at least kippu:minTasks (" + minTasks + "), not " + maxTasks);
            }
            if (cpuTarget < 10 || cpuTarget > 90) {
                throw new IllegalArgumentException("kippu:cpuTarget is a percentage between 10 and 90, not " + cpuTarget);
            }
            if (requestsPerTask < 1) {
                throw new IllegalArgumentException("kippu:requestsPerTask is positive, not " + requestsPerTask);
            }
        }
    }

    /**
     * @param name     the load balancer's own name, e.g. {@code api-origin.tickets.example.com}, which CloudFront connects to
     * @param zoneId   the Route 53 public hosted zone that holds it
     * @param zoneName that zone's name, e.g. {@code example.com}
     */
    public record OriginDomain(String name, String zoneId, String zoneName) {
    }

    /**
     * Fargate Spot and arm64: the ECS API reference (CapacityProviderStrategyItem) says FARGATE_SPOT runs
     * ARM64 Linux tasks on platform 1.4.0, while the developer guide's capacity provider page still says
     * X86_64 only. The job runs seconds an hour and the image is multi-arch, so x86_64 is the default.
     */
    public enum JobArchitecture {
        X86_64, ARM64
    }
}
