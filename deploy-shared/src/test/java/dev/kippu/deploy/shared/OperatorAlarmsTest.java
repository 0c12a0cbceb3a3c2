package dev.kippu.deploy.shared;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.sns.Topic;

/** The runtimes' threshold alarms, as OperatorAlarms makes them for ApiService and KippuFunction. */
class OperatorAlarmsTest {

    @Test
    void aThresholdAlarmFiresAtTheThresholdIgnoresMissingDataAndTellsTheOperatorsBothWays() {
        Stack stack = new Stack(new App(), "Alarms");
        Topic topic = Topic.Builder.create(stack, "Topic").build();
        OperatorAlarms.atOrAbove(stack, "Errors", "too many errors",
                Metric.Builder.create().namespace("Kippu").metricName("Errors").statistic("Sum").build(), 3, 2, topic);

        Template template = Template.fromStack(stack);
        Map<String, Object> topicRef = Map.of("Ref", template.getResourceId("AWS::SNS::Topic", Map.of()));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmDescription", "too many errors",
                "MetricName", "Errors",
                "Threshold", 3,
                "EvaluationPeriods", 2,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "TreatMissingData", "notBreaching",
                "AlarmActions", List.of(topicRef),
                "OKActions", List.of(topicRef)));
    }
}
