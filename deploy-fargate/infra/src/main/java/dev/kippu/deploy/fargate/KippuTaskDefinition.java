package dev.kippu.deploy.fargate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.kippu.deploy.shared.AppPermissions;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Capability;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LinuxParameters;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.Protocol;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipalOpts;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One task of the application image as the image's contract wants it run: as uid/gid 65532 with no
 * capabilities, a read-only root filesystem and a writable {@code /tmp} (task storage), the stop
 * timeout its graceful shutdown needs, its log group with retention; a task role with only the
 * given rights, and a separate execution role that only pulls the image and writes the logs.
 */
public class KippuTaskDefinition extends Construct {

    public static final String CONTAINER_NAME = "kippu";
    public static final String NON_ROOT_USER = "65532:65532";
    /**
     * SIGTERM to SIGKILL: readiness refuses, requests drain up to 20 s (app:
     * spring.lifecycle.timeout-per-shutdown-phase), the e-mail worker's long poll ends within 10 s;
     * and a margin for the JVM's exit.
     */
    public static final Duration STOP_TIMEOUT = Duration.seconds(40);
    static final String TMP_VOLUME = "tmp";

    private final FargateTaskDefinition taskDefinition;
    private final ContainerDefinition container;
    private final LogGroup logs;

    public KippuTaskDefinition(Construct scope, String id, Props props) {
        super(scope, id);
        logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/kippu/fargate/" + props.family())
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Role executionRole = Role.Builder.create(this, "ExecutionRole")
                .assumedBy(ecsTasks())
                .description(props.family() + " (ECS agent): pulls the image, writes the container's logs")
                .build();
        Role taskRole = Role.Builder.create(this, "TaskRole")
                .assumedBy(ecsTasks())
                .description(props.family() + " (the application): what its code calls, on the shared resources")
                .build();
        AppPermissions.grant(taskRole, props.permissions());

        taskDefinition = FargateTaskDefinition.Builder.create(this, "TaskDefinition")
                .family(props.family())
                .cpu(props.cpu())
                .memoryLimitMiB(props.memoryMiB())
                .runtimePlatform(RuntimePlatform.builder()
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .cpuArchitecture(props.architecture())
                        .build())
                .executionRole(executionRole)
                .taskRole(taskRole)
                .volumes(List.of(Volume.builder().name(TMP_VOLUME).build()))
                .build();

        LinuxParameters linux = LinuxParameters.Builder.create(this, "Linux").build();
        linux.dropCapabilities(Capability.ALL);
        ContainerDefinitionOptions.Builder options = ContainerDefinitionOptions.builder()
                .containerName(CONTAINER_NAME)
                .image(props.image())
                // by name: ECS keeps the list's order, and another order of the same settings would be a new revision, a redeployment
                .environment(new TreeMap<>(props.environment()))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix(props.family()).build()))
                .readonlyRootFilesystem(true)
                .user(NON_ROOT_USER)
                .linuxParameters(linux)
                .stopTimeout(STOP_TIMEOUT)
                .essential(true);
        props.command().ifPresent(options::command);
        props.port().ifPresent(port -> options.portMappings(List.of(PortMapping.builder().containerPort(port).protocol(Protocol.TCP).build())));
        container = taskDefinition.addContainer("Container", options.build());
        container.addMountPoints(MountPoint.builder().containerPath("/tmp").sourceVolume(TMP_VOLUME).readOnly(false).build());

        NagSuppressions.addResourceSuppressions(taskDefinition, List.of(NagPackSuppression.builder().id("AwsSolutions-ECS2")
                .reason("The environment holds the names of the shared resources (table, queue, buckets, pool) and settings, no secrets: "
                        + "the credentials are the task role's")
                .build()));
        NagSuppressions.addResourceSuppressions(executionRole, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("ecr:GetAuthorizationToken has no resource: it grants no image; the pull itself is allowed on the image's repository only")
                .appliesTo(List.of("Resource::*"))
                .build()), true);
    }

    /** ECS tasks of this account and region only (against a confused deputy). */
    private static ServicePrincipal ecsTasks() {
        return new ServicePrincipal("ecs-tasks.amazonaws.com", ServicePrincipalOpts.builder().conditions(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                "ArnLike", Map.of("aws:SourceArn", "arn:" + Aws.PARTITION + ":ecs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":*")))
                .build());
    }

    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public ContainerDefinition container() {
        return container;
    }

    public LogGroup logs() {
        return logs;
    }

    /**
     * @param family       the task definition's family (and its log group's name)
     * @param image        the application image
     * @param command      the image's arguments instead of its own (job mode's main class), when given
     * @param port         the HTTP port the container listens on, for a service
     * @param architecture the CPU architecture it runs on
     * @param cpu          CPU units (1024 = 1 vCPU)
     * @param memoryMiB    memory
     * @param environment  the application's settings
     * @param permissions  what the task role may do
     * @param logRetention how long its logs are kept
     */
    public record Props(String family, ContainerImage image, Optional<List<String>> command, Optional<Integer> port,
                        CpuArchitecture architecture, int cpu, int memoryMiB, Map<String, String> environment,
                        List<PolicyStatement> permissions, RetentionDays logRetention) {
    }
}
