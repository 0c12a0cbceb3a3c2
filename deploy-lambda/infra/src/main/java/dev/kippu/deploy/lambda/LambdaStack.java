package dev.kippu.deploy.lambda;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import dev.kippu.deploy.shared.AppPermissions;
import dev.kippu.deploy.shared.SharedExport;
import dev.kippu.deploy.shared.SharedResources;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.codedeploy.LambdaApplication;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Subnet;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CapacityProvider;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.InstanceTypeFilter;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * Kippu on Lambda, one variant: the HTTP function behind its front door, the e-mail worker on the
 * shared queue (batches of ten, failures reported per message), the reminder run every minute by
 * EventBridge Scheduler; for Managed Instances, their capacity provider in the shared VPC. All on
 * what the shared stack exports.
 */
public class LambdaStack extends Stack {

    public static final String HTTP_HANDLER = "dev.kippu.lambda.HttpHandler::handleRequest";
    public static final String EMAIL_HANDLER = "dev.kippu.lambda.EmailQueueHandler::handleRequest";
    public static final String SCHEDULE_HANDLER = "dev.kippu.lambda.ScheduleHandler::handleRequest";
    /** At most the queue's visibility timeout (30 s, deploy-shared's EmailQueue), as SQS event sources require. */
    static final Duration EMAIL_TIMEOUT = Duration.seconds(25);
    static final int EMAIL_BATCH = 10;

    public LambdaStack(Construct scope, String id, StackProps stackProps, LambdaSettings settings) {
        super(scope, id, stackProps);
        if (!Files.isRegularFile(settings.code())) {
            throw new IllegalArgumentException("The function zip " + settings.code() + " is missing: build it (docs/infrastructure.md) "
                    + "or name it with -c kippu:" + (settings.variant() == LambdaSettings.Variant.NATIVE ? "nativeZip" : "zip") + "=<path>");
        }
        SharedResources shared = SharedResources.imported(this, settings.prefix());
        String name = settings.prefix() + "-" + settings.variant().contextName();
        Code code = Code.fromAsset(settings.code().toString());
        LambdaApplication deployments = LambdaApplication.Builder.create(this, "Deployments").applicationName(name).build();
        Optional<CapacityProvider> capacity = settings.variant() == LambdaSettings.Variant.MANAGED_INSTANCES
                ? Optional.of(capacityProvider(name, settings))
                : Optional.empty();
        Optional<LambdaSettings.ManagedInstances> instances = capacity.map(provider -> settings.instances());
        // Lambda sets AWS_REGION and the role's credentials itself; the default chain (KIPPU_AWS_CREDENTIALS unset) reads them
        Map<String, String> environment = shared.applicationEnvironment();

        KippuFunction http = new KippuFunction(this, "Http", new KippuFunction.Props(name + "-http",
                "Kippu's API: API Gateway HTTP API and Function URL events", HTTP_HANDLER, Duration.seconds(30), Duration.seconds(3),
                settings.variant(), settings.memoryMb(), settings.logRetention(), code, environment, AppPermissions.http(shared),
                shared.alarmTopic(), deployments, capacity, instances));
        KippuFunction email = new KippuFunction(this, "Email", new KippuFunction.Props(name + "-email",
                "Kippu's e-mail worker on the e-mail queue", EMAIL_HANDLER, EMAIL_TIMEOUT, Duration.seconds(20),
                settings.variant(), settings.memoryMb(), settings.logRetention(), code, withoutWarmUp(environment), AppPermissions.email(shared),
                shared.alarmTopic(), deployments, capacity, instances));
        KippuFunction schedule = new KippuFunction(this, "Schedule", new KippuFunction.Props(name + "-schedule",
                "Kippu's reminder run (and outbox relay), every minute", SCHEDULE_HANDLER, Duration.seconds(55), Duration.seconds(45),
                settings.variant(), settings.memoryMb(), settings.logRetention(), code, environment, AppPermissions.schedule(shared),
                shared.alarmTopic(), deployments, capacity, instances));

        email.live().addEventSource(new SqsEventSource(shared.emailQueue(), SqsEventSourceProps.builder()
                .batchSize(EMAIL_BATCH)
                .reportBatchItemFailures(true)
                .build()));
        Schedule.Builder.create(this, "Reminders")
                .scheduleName(name + "-reminders")
                .description("Kippu: queue the reminders due and relay the outbox")
                .schedule(ScheduleExpression.rate(Duration.minutes(1)))
                .target(new LambdaInvoke(schedule.live(), ScheduleTargetBaseProps.builder()
                        .retryAttempts(2)
                        .maxEventAge(Duration.minutes(2))
                        .build()))
                .build();

        String originHost = switch (settings.frontDoor()) {
            case FUNCTION_URL -> {
                FunctionUrlFrontDoor door = new FunctionUrlFrontDoor(this, "FrontDoor",
                        new FunctionUrlFrontDoor.Props(http.live(), shared.distributionId()));
                CfnOutput.Builder.create(this, "FunctionUrl").value(door.url().getUrl()).build();
                yield door.originHost();
            }
            case HTTP_API -> {
                List<String> origins = new ArrayList<>(List.of(shared.siteUrl()));
                origins.addAll(settings.corsOrigins());
                HttpApiFrontDoor door = new HttpApiFrontDoor(this, "FrontDoor",
                        new HttpApiFrontDoor.Props(name, http.live(), origins, settings.apiThrottle(), settings.logRetention()));
                CfnOutput.Builder.create(this, "ApiUrl").value(door.api().getApiEndpoint()).build();
                yield door.originHost();
            }
        };
        CfnOutput.Builder.create(this, "ApiOriginHost")
                .description("The shared stack's kippu:apiOrigin (kippu:apiOriginType=" + (settings.frontDoor() == LambdaSettings.FrontDoor.FUNCTION_URL
                        ? "lambda-url" : "https") + "), so that the site's /graphql reaches this function")
                .value(originHost)
                .build();
    }

    /**
     * The e-mail worker's settings: no warm-up query at its start, which its role may not make (it
     * reads nothing from the table; app: FirstRequestWarmup).
     */
    private static Map<String, String> withoutWarmUp(Map<String, String> environment) {
        Map<String, String> worker = new HashMap<>(environment);
        worker.put("KIPPU_WARMUP_ENABLED", "false");
        return worker;
    }

    /** The instances of the Managed Instances variant: in the shared VPC's private subnets, with the runtimes' security group. */
    private CapacityProvider capacityProvider(String name, LambdaSettings settings) {
        LambdaSettings.ManagedInstances instances = settings.instances();
        List<String> subnetIds = SharedExport.PRIVATE_SUBNET_IDS.importList(settings.prefix(), SharedExport.MIN_AZS);
        List<ISubnet> subnets = IntStream.range(0, subnetIds.size()).mapToObj(i -> {
            ISubnet subnet = Subnet.fromSubnetId(this, "PrivateSubnet" + (i + 1), subnetIds.get(i));
            Annotations.of(subnet).acknowledgeWarning("@aws-cdk/aws-ec2:noSubnetRouteTableId", "the capacity provider takes only the subnet's id");
            return subnet;
        }).toList();
        CapacityProvider.Builder builder = CapacityProvider.Builder.create(this, "Capacity")
                .capacityProviderName(name)
                .subnets(subnets)
                .securityGroups(List.of(SecurityGroup.fromSecurityGroupId(this, "RuntimeSecurityGroup",
                        SharedExport.RUNTIME_SECURITY_GROUP_ID.importValue(settings.prefix()))))
                .architectures(List.of(Architecture.ARM_64))
                .maxVCpuCount(instances.maxVCpus());
        if (!instances.instanceTypes().isEmpty()) {
            builder.instanceTypeFilter(InstanceTypeFilter.allow(instances.instanceTypes().stream().map(InstanceType::new).toList()));
        }
        CapacityProvider provider = builder.build();
        NagSuppressions.addResourceSuppressions(provider, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM4")
                .reason("AWSLambdaManagedEC2ResourceOperator is AWS's policy for Lambda to launch and manage the capacity provider's instances, "
                        + "kept current by AWS as the service changes")
                .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/AWSLambdaManagedEC2ResourceOperator"))
                .build()), true);
        return provider;
    }
}
