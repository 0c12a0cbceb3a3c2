package dev.kippu.deploy.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import dev.kippu.deploy.shared.Context;

/** The default variant: java25 with SnapStart behind a Function URL, and what every variant has (alias, canary, alarms, triggers, IAM). */
class SnapStartVariantTest {

    private static SynthesizedLambda synthesized;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedLambda.of(Map.of());
        template = synthesized.template();
    }

    @Test
    void threeArm64Java25FunctionsWithSnapStartFromOneZip() {
        template.resourceCountIs("AWS::Lambda::Function", 3);
        for (String handler : List.of(LambdaStack.HTTP_HANDLER, LambdaStack.EMAIL_HANDLER, LambdaStack.SCHEDULE_HANDLER)) {
            template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", handler,
                    "Runtime", "java25",
                    "Architectures", List.of("arm64"),
                    "MemorySize", 2048,
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            // the JVM's own flags: C2 serves the steady state, and the snapshot holds what priming compiled
                            "JAVA_TOOL_OPTIONS", Match.absent(),
                            "SPRING_PROFILES_ACTIVE", "prod"))))));
        }
        assertThat(template.findResources("AWS::Lambda::Function").values().stream()
                .map(function -> ((Map<?, ?>) function.get("Properties")).get("Code")).distinct()).hasSize(1);
    }

    @Test
    void theApplicationGetsEverySettingItReadsFromTheSharedExports() {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "kippu-snapstart-http",
                "Timeout", 30,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "KIPPU_TABLE", Map.of("Fn::ImportValue", "kippu-TableName"),
                        "KIPPU_EMAIL_QUEUE", Map.of("Fn::ImportValue", "kippu-EmailQueueName"),
                        "KIPPU_MAIL_FROM", Map.of("Fn::ImportValue", "kippu-MailFrom"),
                        "KIPPU_USER_POOL_ID", Map.of("Fn::ImportValue", "kippu-UserPoolId"),
                        "KIPPU_CLIENT_IDS", Map.of("Fn::ImportValue", "kippu-WebClientId"),
                        "KIPPU_UPLOADS_BUCKET", Map.of("Fn::ImportValue", "kippu-UploadsBucketName"),
                        "KIPPU_MEDIA_BUCKET", Map.of("Fn::ImportValue", "kippu-MediaBucketName"),
                        "KIPPU_MEDIA_BASE_URL", Map.of("Fn::ImportValue", "kippu-MediaBaseUrl")))))));
    }

    @Test
    void everyFunctionHasALiveAliasThatACanaryMovesAndItsAlarmsRollBack() {
        template.resourcePropertiesCountIs("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")), 3);
        template.resourceCountIs("AWS::CodeDeploy::DeploymentGroup", 3);
        template.allResourcesProperties("AWS::CodeDeploy::DeploymentGroup", Match.objectLike(Map.of(
                "DeploymentConfigName", "CodeDeployDefault.LambdaCanary10Percent5Minutes",
                "AutoRollbackConfiguration", Map.of("Enabled", true,
                        "Events", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST", "DEPLOYMENT_STOP_ON_ALARM")),
                "AlarmConfiguration", Match.objectLike(Map.of("Enabled", true, "Alarms", List.of(
                        Match.objectLike(Map.of("Name", Match.anyValue())), Match.objectLike(Map.of("Name", Match.anyValue())),
                        Match.objectLike(Map.of("Name", Match.anyValue()))))))));
        template.hasResource("AWS::Lambda::Alias", Map.of("UpdatePolicy", Map.of("CodeDeployLambdaAliasUpdate", Match.objectLike(Map.of(
                "ApplicationName", Match.anyValue(), "DeploymentGroupName", Match.anyValue())))));
    }

    @Test
    void errorsThrottlesAndP99DurationOfTheAliasAlarmTheOperators() {
        template.resourceCountIs("AWS::CloudWatch::Alarm", 9);
        for (String metric : List.of("Errors", "Throttles", "Duration")) {
            template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "MetricName", metric,
                    "Namespace", "AWS/Lambda",
                    "Dimensions", Match.arrayWith(List.of(Map.of("Name", "Resource", "Value", Match.anyValue()))),
                    "AlarmActions", List.of(Map.of("Fn::ImportValue", "kippu-AlarmTopicArn")))), 3);
        }
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "Duration", "ExtendedStatistic", "p99", "Threshold", 3000, "EvaluationPeriods", 3)));
    }

    @Test
    void theEmailWorkerTakesTheSharedQueueTenAtATimeReportingFailuresPerMessage() {
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "BatchSize", 10,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "EventSourceArn", Map.of("Fn::ImportValue", "kippu-EmailQueueArn"),
                "FunctionName", Map.of("Fn::Join", List.of("", List.of(
                        Map.of("Fn::Select", List.of(6, Map.of("Fn::Split", List.of(":", Map.of("Ref", aliasOf("kippu-snapstart-email")))))),
                        ":live"))))));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("FunctionName", "kippu-snapstart-email", "Timeout", 25,
                // its role reads nothing from the table: no warm-up query at its start
                "Environment", Map.of("Variables", Match.objectLike(Map.of("KIPPU_WARMUP_ENABLED", "false"))))));
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Environment", Map.of("Variables", Match.objectLike(Map.of("KIPPU_WARMUP_ENABLED", "false"))))), 1);
    }

    @Test
    void theSchedulerRunsTheRemindersEveryMinuteWithRetries() {
        template.hasResourceProperties("AWS::Scheduler::Schedule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(1 minute)",
                "State", "ENABLED",
                "Target", Match.objectLike(Map.of(
                        "Arn", Map.of("Ref", aliasOf("kippu-snapstart-schedule")),
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 120))))));
    }

    @Test
    void theFunctionUrlOnlyLetsTheSharedDistributionIn() {
        template.hasResourceProperties("AWS::Lambda::Url", Match.objectLike(Map.of("AuthType", "AWS_IAM", "Qualifier", "live")));
        for (String action : List.of("lambda:InvokeFunctionUrl", "lambda:InvokeFunction")) {
            template.hasResourceProperties("AWS::Lambda::Permission", Match.objectLike(Map.of(
                    "Action", action,
                    "Principal", "cloudfront.amazonaws.com",
                    "SourceArn", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":cloudfront::",
                            Map.of("Ref", "AWS::AccountId"), ":distribution/", Map.of("Fn::ImportValue", "kippu-DistributionId")))))));
        }
        template.resourcePropertiesCountIs("AWS::Lambda::Permission", Match.objectLike(Map.of("Principal", "*")), 0);
        template.hasOutput("ApiOriginHost", Match.objectLike(Map.of("Value", Match.anyValue())));
    }

    @Test
    void everyRoleMayDoOnlyWhatItsHandlerCallsOnTheSharedResources() {
        List<Map<String, Object>> statements = synthesized.policyStatements();
        assertThat(statements).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.get("Resource")).isNotEqualTo("*");
            assertThat(statement.get("Resource").toString()).doesNotContain("\"*\"").doesNotContain(", *,").doesNotContain("[*]");
        });
        assertThat(statements).filteredOn(statement -> statement.toString().contains("ses:SendEmail")).singleElement()
                .satisfies(statement -> assertThat(statement.get("Resource")).isEqualTo(Map.of("Fn::ImportValue", "kippu-MailIdentityArn")));
        assertThat(statements).filteredOn(statement -> statement.toString().contains("cognito-idp:AdminGetUser")).singleElement()
                .satisfies(statement -> assertThat(statement.get("Resource")).isEqualTo(Map.of("Fn::ImportValue", "kippu-UserPoolArn")));
        assertThat(statements).filteredOn(statement -> statement.toString().contains("dynamodb:ConditionCheckItem")).hasSize(2)
                .allSatisfy(statement -> assertThat(statement.get("Resource")).isEqualTo(List.of(
                        Map.of("Fn::ImportValue", "kippu-TableArn"),
                        Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::ImportValue", "kippu-TableArn"), "/index/*"))))));
        assertThat(statements).filteredOn(statement -> statement.toString().contains("s3:")).hasSize(3);
        // without it S3 answers a missing upload with 403, and the API could not tell "not uploaded" apart
        assertThat(statements).filteredOn(statement -> statement.toString().contains("s3:ListBucket")).singleElement()
                .satisfies(statement -> assertThat(statement.get("Resource")).isEqualTo(Map.of("Fn::ImportValue", "kippu-UploadsBucketArn")));
        assertThat(statements).filteredOn(statement -> statement.toString().contains("sqs:SendMessage")).singleElement()
                .satisfies(statement -> assertThat(statement.get("Resource")).isEqualTo(Map.of("Fn::ImportValue", "kippu-EmailQueueArn")));
        template.resourcePropertiesCountIs("AWS::IAM::Role", Match.objectLike(Map.of("ManagedPolicyArns", Match.anyValue(),
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "lambda.amazonaws.com")))))))), 0);
    }

    @Test
    void everyFunctionLogsToItsOwnGroupWithRetention() {
        template.resourcePropertiesCountIs("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 30)), 3);
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "kippu-snapstart-http",
                "LoggingConfig", Match.objectLike(Map.of("LogGroup", Map.of("Ref", template.getResourceId("AWS::Logs::LogGroup",
                        Map.of("Properties", Match.objectLike(Map.of("LogGroupName", "/aws/lambda/kippu-snapstart-http"))))))))));
    }

    private static String aliasOf(String functionName) {
        String function = template.getResourceId("AWS::Lambda::Function", Map.of("Properties", Match.objectLike(Map.of("FunctionName", functionName))));
        return template.getResourceId("AWS::Lambda::Alias", Map.of("Properties", Match.objectLike(Map.of("FunctionName", Map.of("Ref", function)))));
    }

    @Test
    void cdkNagFindsNothingUnexplained() {
        synthesized.assertNagClean();
    }

    @Test
    void aMissingZipIsNamedWithTheWayToBuildIt() {
        App app = App.Builder.create().context(Map.of("kippu:zip", "/nonexistent/kippu-lambda.zip")).build();
        assertThatThrownBy(() -> KippuLambdaApp.stack(app, LambdaSettings.from(new Context(app.getNode()))))
                .hasMessageContaining("/nonexistent/kippu-lambda.zip is missing").hasMessageContaining("kippu:zip");
    }
}
