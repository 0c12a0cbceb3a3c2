package dev.kippu.deploy.fargate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.kippu.deploy.shared.AppPermissions;
import dev.kippu.deploy.shared.SharedExport;
import dev.kippu.deploy.shared.SharedResources;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.ec2.IPrefixList;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.PrefixList;
import software.amazon.awscdk.services.ec2.PrefixListLookupOptions;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupImportOptions;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryAttributes;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.constructs.Construct;

/**
 * Kippu on Fargate: the API service (arm64) behind the origin load balancer, with the e-mail loops
 * inside it, and the reminder job on Fargate Spot, in the shared VPC, on what the shared stack exports.
 *
 * <p>The e-mail worker and the outbox relay run in every API task (the image's default): the mail
 * comes from bookings, so it grows with the API's traffic, which the service already scales on; the
 * loops are I/O waits that cost a task almost no CPU; and the service's two tasks or more give them
 * two zones for nothing. A service of their own would cost a third always-on task for a queue that
 * is empty most of the time. Split them off ({@code KIPPU_NOTIFICATIONS_LOOPS=false} here, a
 * second service with it true) once mail volume or SES latency should not share the API's tasks.
 */
public class FargateStack extends Stack {

    public static final int PORT = 8080;
    /** The AWS-managed prefix list of CloudFront's servers that connect to origins. */
    public static final String CLOUDFRONT_ORIGIN_FACING = "com.amazonaws.global.cloudfront.origin-facing";
    /** {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>} with {@code :<tag>} and/or {@code @sha256:<digest>}. */
    private static final Pattern ECR_IMAGE = Pattern.compile(
            "(?<account>\\d{12})\\.dkr\\.ecr\\.(?<region>[a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?/(?<repository>[a-z0-9._/-]+?)"
                    + "(:(?<tag>[\\w][\\w.-]{0,127}))?(@(?<digest>sha256:[0-9a-f]{64}))?");

    public FargateStack(Construct scope, String id, StackProps stackProps, FargateSettings settings) {
        super(scope, id, stackProps);
        String prefix = settings.prefix();
        String name = prefix + "-fargate";
        SharedResources shared = SharedResources.imported(this, prefix);
        IVpc vpc = Vpc.fromVpcAttributes(this, "Vpc", VpcAttributes.builder()
                .vpcId(SharedExport.VPC_ID.importValue(prefix))
                .availabilityZones(IntStream.range(0, SharedExport.MIN_AZS).mapToObj(i -> Fn.select(i, Fn.getAzs())).toList())
                .privateSubnetIds(SharedExport.PRIVATE_SUBNET_IDS.importList(prefix, SharedExport.MIN_AZS))
                .build());
        ISecurityGroup runtimeSecurityGroup = SecurityGroup.fromSecurityGroupId(this, "RuntimeSecurityGroup",
                SharedExport.RUNTIME_SECURITY_GROUP_ID.importValue(prefix), SecurityGroupImportOptions.builder().mutable(false).build());
        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .clusterName(name)
                .vpc(vpc)
                .enableFargateCapacityProviders(true)
                .build();
        NagSuppressions.addResourceSuppressions(cluster, List.of(NagPackSuppression.builder().id("AwsSolutions-ECS4")
                .reason("Container Insights bills its metrics per task and container; the alarms use the free AWS/ECS and load balancer metrics")
                .build()));
        ContainerImage image = image(settings.image());

        Map<String, String> environment = new HashMap<>(shared.applicationEnvironment());
        environment.put("AWS_REGION", Aws.REGION);
        environment.put("KIPPU_AWS_CREDENTIALS", "container");
        Map<String, String> serviceEnvironment = new HashMap<>(environment);
        serviceEnvironment.put("PORT", Integer.toString(PORT));
        // the e-mail worker and the outbox relay in every API task (see the class comment); the job's profile turns them off
        serviceEnvironment.put("KIPPU_NOTIFICATIONS_LOOPS", "true");

        KippuTaskDefinition apiTask = new KippuTaskDefinition(this, "ApiTask", new KippuTaskDefinition.Props(name + "-api", image,
                Optional.empty(), Optional.of(PORT), CpuArchitecture.ARM64, settings.cpu(), settings.memoryMiB(), serviceEnvironment,
                AppPermissions.service(shared), settings.logRetention()));
        KippuTaskDefinition jobTask = new KippuTaskDefinition(this, "ReminderTask", new KippuTaskDefinition.Props(name + "-reminders", image,
                Optional.of(ReminderJob.JOB_COMMAND), Optional.empty(),
                settings.jobArchitecture() == FargateSettings.JobArchitecture.ARM64 ? CpuArchitecture.ARM64 : CpuArchitecture.X86_64,
                settings.cpu(), settings.memoryMiB(), environment, AppPermissions.schedule(shared), settings.logRetention()));

        OriginLoadBalancer origin = new OriginLoadBalancer(this, "Origin", new OriginLoadBalancer.Props(name + "-api", vpc,
                vpc.getPrivateSubnets(), cloudFrontOrigins(settings), PORT, settings.origin()));
        new ApiService(this, "Api", new ApiService.Props(name + "-api", cluster, apiTask, vpc.getPrivateSubnets(), runtimeSecurityGroup,
                origin, settings.scaling(), shared.alarmTopic()));
        new ReminderJob(this, "Reminders", new ReminderJob.Props(name + "-reminders", settings.reminderSchedule(), cluster, jobTask,
                vpc.getPrivateSubnets(), runtimeSecurityGroup, shared.alarmTopic()));

        CfnOutput.Builder.create(this, "ApiOriginHost")
                .description("The shared stack's kippu:apiOrigin, with kippu:apiOriginType=vpc and kippu:apiVpcOriginId=<ApiVpcOriginId>, "
                        + "so that the site's /graphql reaches this service")
                .value(origin.originHost())
                .build();
        CfnOutput.Builder.create(this, "ApiVpcOriginId")
                .description("The shared stack's kippu:apiVpcOriginId: the CloudFront VPC origin of the internal load balancer")
                .value(origin.vpcOrigin().getVpcOriginId())
                .build();
        CfnOutput.Builder.create(this, "LoadBalancerDnsName").value(origin.loadBalancer().getLoadBalancerDnsName()).build();
    }

    /** An ECR image through its repository (the execution role may pull from it); any other registry's as it is. */
    private ContainerImage image(String reference) {
        Matcher ecr = ECR_IMAGE.matcher(reference);
        if (!ecr.matches() || (ecr.group("tag") == null && ecr.group("digest") == null)) {
            return ContainerImage.fromRegistry(reference);
        }
        String repository = ecr.group("repository");
        return ContainerImage.fromEcrRepository(Repository.fromRepositoryAttributes(this, "Repository", RepositoryAttributes.builder()
                .repositoryName(repository)
                .repositoryArn("arn:" + Aws.PARTITION + ":ecr:" + ecr.group("region") + ":" + ecr.group("account") + ":repository/" + repository)
                .build()), ecr.group("digest") != null ? ecr.group("digest") : ecr.group("tag"));
    }

    /** The region's CloudFront origin-facing prefix list: by id when given, else looked up with the CLI's account and region. */
    private IPrefixList cloudFrontOrigins(FargateSettings settings) {
        return settings.cloudFrontPrefixListId().map(id -> PrefixList.fromPrefixListId(this, "CloudFrontOrigins", id)).orElseGet(() -> {
            if (Token.isUnresolved(getAccount()) || Token.isUnresolved(getRegion())) {
                throw new IllegalArgumentException("kippu:cloudFrontPrefixListId is needed without the CLI's account and region: "
                        + "aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values=" + CLOUDFRONT_ORIGIN_FACING
                        + " --query 'PrefixLists[0].PrefixListId'");
            }
            return PrefixList.fromLookup(this, "CloudFrontOrigins", PrefixListLookupOptions.builder().prefixListName(CLOUDFRONT_ORIGIN_FACING).build());
        });
    }
}
