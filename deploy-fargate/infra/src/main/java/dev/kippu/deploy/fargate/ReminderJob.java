package dev.kippu.deploy.fargate;

import java.util.List;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.targets.EcsRunFargateTask;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The reminder job (the image in job mode: one ReminderRun, then exit) as a task that EventBridge
 * Scheduler starts on Fargate Spot. An interrupted or failed run is harmless: the next one queues
 * what it did not (app: Reminders marks each booking in the same transaction as its reminder). A
 * run that fails is counted from its log and alarms the operators.
 */
public class ReminderJob extends Construct {

    public static final List<String> JOB_COMMAND = List.of("dev.kippu.ReminderJobApplication");
    /** What job mode logs when the run fails (app: ReminderJobApplication). */
    static final String FAILURE_LOG = "Reminder job failed";
    static final String FAILURE_METRIC_NAMESPACE = "Kippu";

    public ReminderJob(Construct scope, String id, Props props) {
        super(scope, id);
        Schedule.Builder.create(this, "Schedule")
                .scheduleName(props.name())
                .description("Kippu: queue the reminders of events within 24 h (job mode on Fargate Spot)")
                .schedule(ScheduleExpression.expression(props.schedule()))
                .target(EcsRunFargateTask.Builder.create(props.cluster())
                        .taskDefinition(props.task().taskDefinition())
                        .capacityProviderStrategies(List.of(CapacityProviderStrategy.builder()
                                .capacityProvider("FARGATE_SPOT").weight(1).build()))
                        .platformVersion(FargatePlatformVersion.VERSION1_4)
                        .vpcSubnets(SubnetSelection.builder().subnets(props.subnets()).build())
                        .securityGroups(List.of(props.runtimeSecurityGroup()))
                        .assignPublicIp(false)
                        // RunTask fails when Spot has no capacity at that moment: try again within the hour
                        .retryAttempts(3)
                        .maxEventAge(Duration.minutes(30))
                        .build())
                .build();

        MetricFilter failures = MetricFilter.Builder.create(this, "Failures")
                .logGroup(props.task().logs())
                .filterPattern(FilterPattern.literal("\"" + FAILURE_LOG + "\""))
                .metricNamespace(FAILURE_METRIC_NAMESPACE)
                .metricName(props.name() + "-failures")
                .metricValue("1")
                .build();
        Alarm alarm = Alarm.Builder.create(this, "Failed")
                .alarmDescription("The reminder job failed; the next run queues the reminders it did not")
                .metric(failures.metric(MetricOptions.builder().statistic("Sum").period(Duration.hours(1)).build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(props.alarmTopic()));
    }

    /**
     * @param name                 the schedule's name (and the failure metric's)
     * @param schedule             when it runs, an EventBridge Scheduler expression
     * @param cluster              the cluster, with the Fargate Spot capacity provider
     * @param task                 the task in job mode
     * @param subnets              the private subnets
     * @param runtimeSecurityGroup the shared runtimes' security group (nothing in; out to the endpoints)
     * @param alarmTopic           where a failed run is reported
     */
    public record Props(String name, String schedule, ICluster cluster, KippuTaskDefinition task, List<ISubnet> subnets,
                        ISecurityGroup runtimeSecurityGroup, ITopic alarmTopic) {
    }
}
