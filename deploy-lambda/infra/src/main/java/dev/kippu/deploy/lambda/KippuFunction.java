package dev.kippu.deploy.lambda;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kippu.deploy.shared.AppPermissions;
import dev.kippu.deploy.shared.OperatorAlarms;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.codedeploy.AutoRollbackConfig;
import software.amazon.awscdk.services.codedeploy.ILambdaApplication;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentGroup;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CapacityProvider;
import software.amazon.awscdk.services.lambda.CapacityProviderFunctionOptions;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.VersionOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * One of Kippu's functions, as its variant runs it (arm64 always): its log group, a role with only
 * the given rights, the {@code live} alias that everything invokes, alarms on errors, throttles and
 * p99 duration that notify the operators, and a CodeDeploy canary that moves {@code live} to a new
 * version 10 % first and back when an alarm fires.
 */
public class KippuFunction extends Construct {

    /** The alias every trigger and the front door invoke; CodeDeploy moves it. */
    public static final String LIVE = "live";
    static final int ERRORS_PER_MINUTE = 3;

    private final Function function;
    private final Alias live;

    public KippuFunction(Construct scope, String id, Props props) {
        super(scope, id);
        LambdaSettings.Variant variant = props.variant();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + props.functionName())
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Kippu " + props.functionName() + ": its logs and what its handler calls")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn()))
                .build());
        AppPermissions.grant(role, props.permissions());

        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(props.functionName())
                .description(props.description())
                .runtime(variant == LambdaSettings.Variant.NATIVE ? Runtime.PROVIDED_AL2023 : Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .memorySize(props.memoryMb())
                .timeout(props.timeout())
                .handler(props.handler())
                .code(props.code())
                .environment(props.environment())
                .role(role)
                .logGroup(logs);
        if (variant == LambdaSettings.Variant.SNAPSTART) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        props.instances().flatMap(LambdaSettings.ManagedInstances::minEnvironments)
                .ifPresent(min -> builder.currentVersionOptions(VersionOptions.builder().minExecutionEnvironments(min).build()));
        function = builder.build();
        if (variant == LambdaSettings.Variant.SNAPSTART) {
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "every trigger invokes the live alias, whose version is published with each change");
        }
        props.capacity().ifPresent(capacity -> capacity.addFunction(function, CapacityProviderFunctionOptions.builder()
                .perExecutionEnvironmentMaxConcurrency(props.instances().orElseThrow().perEnvironmentConcurrency())
                .executionEnvironmentMemoryGiBPerVCpu(props.instances().orElseThrow().memoryGiBPerVCpu())
                .build()));

        live = Alias.Builder.create(this, "Live").aliasName(LIVE).version(function.getCurrentVersion()).build();

        Duration minute = Duration.minutes(1);
        List<Alarm> alarms = List.of(
                OperatorAlarms.atOrAbove(this, "Errors", props.functionName() + " failed " + ERRORS_PER_MINUTE + " or more invocations in a minute",
                        live.metricErrors(MetricOptions.builder().period(minute).statistic("Sum").build()),
                        ERRORS_PER_MINUTE, 1, props.alarmTopic()),
                OperatorAlarms.atOrAbove(this, "Throttles", props.functionName() + " was throttled",
                        live.metric("Throttles", MetricOptions.builder().period(minute).statistic("Sum").build()), 1, 1, props.alarmTopic()),
                OperatorAlarms.atOrAbove(this, "P99Duration",
                        props.functionName() + "'s p99 duration stayed over " + props.p99Limit().toMilliseconds() + " ms for 3 minutes",
                        live.metricDuration(MetricOptions.builder().period(minute).statistic("p99").build()),
                        props.p99Limit().toMilliseconds(), 3, props.alarmTopic()));

        LambdaDeploymentGroup deployment = LambdaDeploymentGroup.Builder.create(this, "Deployment")
                .application(props.deployments())
                .alias(live)
                .deploymentConfig(LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES)
                .alarms(alarms)
                .autoRollback(AutoRollbackConfig.builder().failedDeployment(true).stoppedDeployment(true).deploymentInAlarm(true).build())
                .build();
        NagSuppressions.addResourceSuppressions(deployment, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM4")
                .reason("AWSCodeDeployRoleForLambdaLimited is AWS's policy for shifting a Lambda alias: CodeDeploy's own actions, kept current by AWS")
                .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited"))
                .build()), true);
    }

    public Function function() {
        return function;
    }

    public Alias live() {
        return live;
    }

    /**
     * @param functionName the function's name (and its log group's)
     * @param description  what it is for
     * @param handler      the handler in the zip (the native bootstrap reads it from {@code _HANDLER})
     * @param timeout      how long one invocation may run
     * @param p99Limit     the p99 duration above which it alarms
     * @param variant      how it runs
     * @param memoryMb     its memory
     * @param logRetention how long its logs are kept
     * @param code         the zip
     * @param environment  the application's settings
     * @param permissions  what its role may do besides writing its logs
     * @param alarmTopic   where its alarms go
     * @param deployments  the CodeDeploy application of the stack's functions
     * @param capacity     the capacity provider it runs on (Managed Instances), with its per-environment settings
     * @param instances    the Managed Instances settings, with the capacity provider
     */
    public record Props(String functionName, String description, String handler, Duration timeout, Duration p99Limit,
                        LambdaSettings.Variant variant, int memoryMb, RetentionDays logRetention, Code code,
                        Map<String, String> environment, List<PolicyStatement> permissions, ITopic alarmTopic,
                        ILambdaApplication deployments, Optional<CapacityProvider> capacity,
                        Optional<LambdaSettings.ManagedInstances> instances) {
    }
}
