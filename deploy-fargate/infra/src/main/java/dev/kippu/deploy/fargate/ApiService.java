package dev.kippu.deploy.fargate;

import java.util.List;

import dev.kippu.deploy.shared.OperatorAlarms;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecs.AlarmBehavior;
import software.amazon.awscdk.services.ecs.DeploymentAlarmConfig;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The API as an ECS service: its tasks in the private subnets of every zone behind the origin load
 * balancer, replaced one batch at a time (a new task must be healthy before an old one goes; the
 * circuit breaker, or the 5xx alarm, rolls a failing deployment back), scaled on requests per task
 * and on CPU, and alarms on 5xx, unhealthy tasks, CPU and memory to the operators.
 */
public class ApiService extends Construct {

    /** Adding tasks soon: a task takes about a minute to be provisioned, started and found healthy twice. */
    static final Duration SCALE_OUT_COOLDOWN = Duration.seconds(60);
    /** Removing them slowly: a flash sale comes in waves, and a task that leaves drains for 30 s first. */
    static final Duration SCALE_IN_COOLDOWN = Duration.minutes(5);
    static final int TARGET_5XX_PER_MINUTE = 5;

    private final FargateService service;

    public ApiService(Construct scope, String id, Props props) {
        super(scope, id);
        SecurityGroup ingress = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(props.cluster().getVpc())
                .description("Kippu API tasks: in from the load balancer only (out through the shared runtime security group)")
                .allowAllOutbound(false)
                .build();

        Alarm target5xx = OperatorAlarms.atOrAbove(this, "Target5xx",
                "The API answered " + TARGET_5XX_PER_MINUTE + " or more 5xx in a minute",
                props.origin().loadBalancer().getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, perMinute("Sum")),
                TARGET_5XX_PER_MINUTE, 1, props.alarmTopic());

        service = FargateService.Builder.create(this, "Service")
                .serviceName(props.name())
                .cluster(props.cluster())
                .taskDefinition(props.task().taskDefinition())
                .platformVersion(FargatePlatformVersion.VERSION1_4)
                .desiredCount(props.scaling().minTasks())
                .vpcSubnets(SubnetSelection.builder().subnets(props.subnets()).build())
                .securityGroups(List.of(props.runtimeSecurityGroup(), ingress))
                .assignPublicIp(false)
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .deploymentAlarms(DeploymentAlarmConfig.builder()
                        .alarmNames(List.of(target5xx.getAlarmName()))
                        .behavior(AlarmBehavior.ROLLBACK_ON_ALARM)
                        .build())
                // started in 2-4 s, healthy after two checks 10 s apart: ECS ignores the checks until then
                .healthCheckGracePeriod(Duration.seconds(30))
                .build();
        service.attachToApplicationTargetGroup(props.origin().targetGroup());

        FargateSettings.Scaling scaling = props.scaling();
        ScalableTaskCount taskCount = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(scaling.minTasks()).maxCapacity(scaling.maxTasks()).build());
        taskCount.scaleOnRequestCount("RequestsPerTask", RequestCountScalingProps.builder()
                .targetGroup(props.origin().targetGroup())
                .requestsPerTarget(scaling.requestsPerTask())
                .scaleOutCooldown(SCALE_OUT_COOLDOWN)
                .scaleInCooldown(SCALE_IN_COOLDOWN)
                .build());
        taskCount.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                .targetUtilizationPercent(scaling.cpuTarget())
                .scaleOutCooldown(SCALE_OUT_COOLDOWN)
                .scaleInCooldown(SCALE_IN_COOLDOWN)
                .build());

        OperatorAlarms.atOrAbove(this, "LoadBalancer5xx", "The load balancer answered 5xx itself (no healthy task, or tasks refusing connections)",
                props.origin().loadBalancer().getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, perMinute("Sum")),
                1, 3, props.alarmTopic());
        OperatorAlarms.atOrAbove(this, "UnhealthyTasks", "A task of the API failed its readiness checks for 3 minutes",
                props.origin().targetGroup().getMetrics().unhealthyHostCount(perMinute("Maximum")), 1, 3, props.alarmTopic());
        OperatorAlarms.atOrAbove(this, "Cpu", "The API's tasks ran above 85 % CPU for 5 minutes (autoscaling is at its maximum, or behind)",
                service.metricCpuUtilization(perMinute("Average")), 85, 5, props.alarmTopic());
        OperatorAlarms.atOrAbove(this, "Memory", "The API's tasks used above 85 % of their memory for 5 minutes",
                service.metricMemoryUtilization(perMinute("Average")), 85, 5, props.alarmTopic());
    }

    private static MetricOptions perMinute(String statistic) {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic(statistic).build();
    }

    public FargateService service() {
        return service;
    }

    /**
     * @param name                 the service's name
     * @param cluster              the cluster it runs in
     * @param task                 its task (the image as a service, with the loops)
     * @param subnets              the private subnets, one per zone
     * @param runtimeSecurityGroup the shared runtimes' security group (reaches the VPC endpoints)
     * @param origin               the load balancer in front of it
     * @param scaling              its task count and targets
     * @param alarmTopic           where its alarms go
     */
    public record Props(String name, ICluster cluster, KippuTaskDefinition task, List<ISubnet> subnets,
                        ISecurityGroup runtimeSecurityGroup, OriginLoadBalancer origin, FargateSettings.Scaling scaling, ITopic alarmTopic) {
    }
}
