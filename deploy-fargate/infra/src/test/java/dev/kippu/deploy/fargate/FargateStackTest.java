package dev.kippu.deploy.fargate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.kippu.deploy.shared.Context;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The default stack: the arm64 API service behind an internal load balancer that CloudFront reaches through a VPC origin, and the reminder job on Spot. */
class FargateStackTest {

    private static final List<Object> TABLE_AND_INDEXES = List.of(imported("TableArn"), joined("TableArn", "/index/*"));
    /** What the API and the job both do on the table and its indexes: AppPermissions.TABLE_READ_WRITE, written out so a change there shows. */
    private static final Set<String> TABLE_READ_WRITE = Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");

    private static SynthesizedFargate synthesized;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedFargate.of(Map.of());
        template = synthesized.template();
    }

    private static Map<String, Object> imported(String name) {
        return Map.of("Fn::ImportValue", "kippu-" + name);
    }

    private static List<Object> twoOf(String export) {
        return List.of(0, 1).stream().<Object>map(i -> Map.of("Fn::Select", List.of(i, Map.of("Fn::Split", List.of(",", imported(export))))))
                .toList();
    }

    @Test
    void theApiRunsOnArm64InThePrivateSubnetsOfTwoZones() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "Family", "kippu-fargate-api",
                "RuntimePlatform", Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX"),
                "Cpu", "512", "Memory", "1024")));
        template.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "ServiceName", "kippu-fargate-api",
                "DesiredCount", 2,
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of(
                        "AssignPublicIp", "DISABLED",
                        "Subnets", twoOf("PrivateSubnetIds"),
                        "SecurityGroups", Match.arrayWith(List.of(imported("RuntimeSecurityGroupId")))))))));
    }

    @Test
    void theLoadBalancerChecksReadinessAndDrainsAsLongAsCloudFrontWaitsBeforeTheTaskIsStopped() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "HealthCheckPath", "/actuator/health/readiness",
                "Matcher", Map.of("HttpCode", "200"),
                "HealthCheckIntervalSeconds", 10,
                "HealthyThresholdCount", 2,
                "UnhealthyThresholdCount", 3,
                "TargetType", "ip",
                "Port", 8080,
                "TargetGroupAttributes", Match.arrayWith(List.of(Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "30"))))));
        // the app drains 20 s and ends its 10 s long poll after SIGTERM: its stop timeout must cover both
        template.allResourcesProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("StopTimeout", 40))))));
    }

    @Test
    void autoscalingHoldsRequestsPerTaskAndCpuAddingSoonAndRemovingSlowly() {
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
                "MinCapacity", 2, "MaxCapacity", 8, "ScalableDimension", "ecs:service:DesiredCount")));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
                "PolicyType", "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "PredefinedMetricSpecification", Match.objectLike(Map.of("PredefinedMetricType", "ALBRequestCountPerTarget")),
                        "TargetValue", 1000, "ScaleOutCooldown", 60, "ScaleInCooldown", 300)))));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization"),
                        "TargetValue", 60, "ScaleOutCooldown", 60, "ScaleInCooldown", 300)))));
    }

    @Test
    void deploymentsRollOneBatchAtATimeAndRollBackOnTheCircuitBreakerOrThe5xxAlarm() {
        template.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of("DeploymentConfiguration", Map.of(
                "MinimumHealthyPercent", 100,
                "MaximumPercent", 200,
                "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true),
                "Alarms", Map.of("Enable", true, "Rollback", true, "AlarmNames", List.of(Map.of("Ref",
                        template.getResourceId("AWS::CloudWatch::Alarm", Map.of("Properties", Match.objectLike(Map.of(
                                "MetricName", "HTTPCode_Target_5XX_Count")))))))))));
    }

    @Test
    void theReminderJobRunsInJobModeOnFargateSpotEveryHour() {
        String jobTask = template.getResourceId("AWS::ECS::TaskDefinition", Map.of("Properties", Match.objectLike(Map.of(
                "Family", "kippu-fargate-reminders",
                "RuntimePlatform", Map.of("CpuArchitecture", "X86_64", "OperatingSystemFamily", "LINUX"),
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "Command", List.of("dev.kippu.ReminderJobApplication"),
                        "PortMappings", Match.absent())))))));
        template.hasResourceProperties("AWS::Scheduler::Schedule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(1 hour)",
                "Target", Match.objectLike(Map.of(
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 3, "MaximumEventAgeInSeconds", 1800),
                        "EcsParameters", Match.objectLike(Map.of(
                                "TaskDefinitionArn", Map.of("Ref", jobTask),
                                "CapacityProviderStrategy", List.of(Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 1)),
                                "LaunchType", Match.absent(),
                                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Map.of("AssignPublicIp", "DISABLED",
                                        "Subnets", twoOf("PrivateSubnetIds"), "SecurityGroups", List.of(imported("RuntimeSecurityGroupId")))))))))));
        template.hasResourceProperties("AWS::ECS::ClusterCapacityProviderAssociations", Match.objectLike(Map.of(
                "CapacityProviders", Match.arrayWith(List.of("FARGATE_SPOT")))));
    }

    @Test
    void theApiTaskRoleMayDoExactlyWhatTheServiceAndItsLoopsCall() {
        assertThat(actionsByResource(synthesized.statementsOfRole("ApiTaskTaskRole"))).isEqualTo(Map.of(
                TABLE_AND_INDEXES, TABLE_READ_WRITE,
                List.of(joined("UploadsBucketArn", "/covers/*")), Set.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject"),
                List.of(imported("UploadsBucketArn")), Set.of("s3:ListBucket"),
                List.of(joined("MediaBucketArn", "/covers/*")), Set.of("s3:PutObject"),
                List.of(imported("UserPoolArn")), Set.of("cognito-idp:AdminGetUser"),
                List.of(imported("MailIdentityArn")), Set.of("ses:SendEmail"),
                List.of(imported("EmailQueueArn")), Set.of("sqs:GetQueueUrl", "sqs:SendMessage", "sqs:ReceiveMessage",
                        "sqs:DeleteMessage", "sqs:ChangeMessageVisibility")));
    }

    @Test
    void theJobTaskRoleMayOnlyRemindAndRelayAndTheExecutionRolesOnlyPullAndLog() {
        assertThat(actionsByResource(synthesized.statementsOfRole("ReminderTaskTaskRole"))).isEqualTo(Map.of(
                TABLE_AND_INDEXES, TABLE_READ_WRITE,
                List.of(imported("EmailQueueArn")), Set.of("sqs:GetQueueUrl", "sqs:SendMessage")));
        for (String role : List.of("ApiTaskExecutionRole", "ReminderTaskExecutionRole")) {
            assertThat(synthesized.statementsOfRole(role)).extracting(statement -> statement.get("Action").toString()).containsExactlyInAnyOrder(
                    "[ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage]",
                    "ecr:GetAuthorizationToken",
                    "[logs:CreateLogStream, logs:PutLogEvents]");
        }
        // the application's calls are the task role's, never the agent's
        template.resourcePropertiesCountIs("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "TaskRoleArn", Match.anyValue(), "ExecutionRoleArn", Match.anyValue())), 2);
        assertThat(template.findResources("AWS::ECS::TaskDefinition").values().stream()
                .map(definition -> ((Map<?, ?>) definition.get("Properties")))
                .filter(properties -> properties.get("TaskRoleArn").equals(properties.get("ExecutionRoleArn")))).isEmpty();
    }

    @Test
    void noRoleHasAWildcardButTheTablesIndexesTheCoversAndEcrsTokenCall() {
        List<String> wildcards = template.findResources("AWS::IAM::Policy").values().stream()
                .flatMap(policy -> statements(policy).stream())
                .filter(statement -> statement.toString().contains("*"))
                .map(statement -> statement.get("Action") + " on " + statement.get("Resource"))
                .toList();
        assertThat(wildcards).allSatisfy(wildcard -> assertThat(wildcard).matches(
                "(ecr:GetAuthorizationToken on \\*)|(.* on .*(/index/\\*|/covers/\\*).*)"));
        assertThat(wildcards).filteredOn(wildcard -> wildcard.startsWith("ecr:")).hasSize(2);
    }

    @Test
    void everyTaskLogsToItsOwnGroupWithRetention() {
        template.resourcePropertiesCountIs("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 30)), 2);
        template.resourceCountIs("AWS::Logs::LogGroup", 2);
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/kippu/fargate/kippu-fargate-api", "RetentionInDays", 30));
    }

    @Test
    void theLoadBalancerIsInternalInThePrivateSubnetsWithNothingPublicAnywhere() {
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 1);
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of(
                "Scheme", "internal", "Subnets", twoOf("PrivateSubnetIds"))));
        String json = template.toJSON().toString();
        assertThat(json).doesNotContain("PublicSubnetIds").doesNotContain("0.0.0.0/0").doesNotContain("::/0");
    }

    @Test
    void onlyCloudFrontsOriginFacingServersReachTheLoadBalancerWhichForwardsEverythingItGets() {
        String loadBalancerGroup = template.getResourceId("AWS::EC2::SecurityGroup", Map.of("Properties", Match.objectLike(Map.of(
                "GroupDescription", Match.stringLikeRegexp("Kippu API load balancer.*")))));
        Map<String, Map<String, Object>> ingress = template.findResources("AWS::EC2::SecurityGroupIngress", Map.of("Properties",
                Match.objectLike(Map.of("GroupId", Map.of("Fn::GetAtt", List.of(loadBalancerGroup, "GroupId"))))));
        assertThat(ingress.values()).singleElement().satisfies(rule -> assertThat(rule.get("Properties")).isEqualTo(Map.of(
                "GroupId", Map.of("Fn::GetAtt", List.of(loadBalancerGroup, "GroupId")),
                "IpProtocol", "tcp", "FromPort", 80, "ToPort", 80,
                "SourcePrefixListId", SynthesizedFargate.PREFIX_LIST,
                "Description", "CloudFront VPC origin (origin-facing servers)")));
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
                "Port", 80, "Protocol", "HTTP",
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "forward",
                        "TargetGroupArn", Map.of("Ref", template.getResourceId("AWS::ElasticLoadBalancingV2::TargetGroup"))))))));
        // a VPC origin serves only this account's distributions: no shared secret, no header rule
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 0);
        template.resourceCountIs("AWS::SecretsManager::Secret", 0);
    }

    @Test
    void theVpcOriginReachesTheLoadBalancerOverHttpInsideTheVpc() {
        template.resourceCountIs("AWS::CloudFront::VpcOrigin", 1);
        template.hasResourceProperties("AWS::CloudFront::VpcOrigin", Map.of("VpcOriginEndpointConfig", Map.of(
                "Name", "kippu-fargate-api",
                "Arn", Map.of("Ref", template.getResourceId("AWS::ElasticLoadBalancingV2::LoadBalancer")),
                "OriginProtocolPolicy", "http-only",
                "HTTPPort", 80, "HTTPSPort", 443,
                "OriginSSLProtocols", List.of("TLSv1.2"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiTasksAdmitOnlyTheLoadBalancer() {
        String apiGroup = template.getResourceId("AWS::EC2::SecurityGroup", Map.of("Properties", Match.objectLike(Map.of(
                "GroupDescription", Match.stringLikeRegexp("Kippu API tasks.*")))));
        Map<String, Map<String, Object>> ingress = template.findResources("AWS::EC2::SecurityGroupIngress", Map.of("Properties",
                Match.objectLike(Map.of("GroupId", Map.of("Fn::GetAtt", List.of(apiGroup, "GroupId"))))));
        String loadBalancerGroup = template.getResourceId("AWS::EC2::SecurityGroup", Map.of("Properties", Match.objectLike(Map.of(
                "GroupDescription", Match.stringLikeRegexp("Kippu API load balancer.*")))));
        assertThat(ingress.values()).singleElement().satisfies(rule -> assertThat((Map<String, Object>) rule.get("Properties"))
                .containsEntry("FromPort", 8080).containsEntry("ToPort", 8080)
                .containsEntry("SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(loadBalancerGroup, "GroupId"))));
    }

    @Test
    void everyContainerRunsAsNonRootWithAReadOnlyRootAWritableTmpAndNoCapabilities() {
        template.resourceCountIs("AWS::ECS::TaskDefinition", 2);
        template.allResourcesProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "Volumes", List.of(Map.of("Name", "tmp")),
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "User", "65532:65532",
                        "ReadonlyRootFilesystem", true,
                        "MountPoints", List.of(Map.of("ContainerPath", "/tmp", "SourceVolume", "tmp", "ReadOnly", false)),
                        "LinuxParameters", Match.objectLike(Map.of("Capabilities", Map.of("Drop", List.of("ALL")))),
                        "HealthCheck", Match.absent(),
                        "Image", Map.of("Fn::Join", List.of("", List.of("123456789012.dkr.ecr.ap-northeast-1.", Map.of("Ref", "AWS::URLSuffix"),
                                "/kippu-app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")))))))));
    }

    @Test
    void theApplicationGetsEverySettingFromTheSharedExportsAndTheLoopsRunInTheServiceOnly() {
        Map<String, Object> shared = Map.of(
                "KIPPU_TABLE", imported("TableName"),
                "KIPPU_EMAIL_QUEUE", imported("EmailQueueName"),
                "KIPPU_MAIL_FROM", imported("MailFrom"),
                "KIPPU_USER_POOL_ID", imported("UserPoolId"),
                "KIPPU_CLIENT_IDS", imported("WebClientId"),
                "KIPPU_UPLOADS_BUCKET", imported("UploadsBucketName"),
                "KIPPU_MEDIA_BUCKET", imported("MediaBucketName"),
                "KIPPU_MEDIA_BASE_URL", imported("MediaBaseUrl"),
                "AWS_REGION", Map.of("Ref", "AWS::Region"),
                "SPRING_PROFILES_ACTIVE", "prod");
        Map<String, Object> api = new java.util.HashMap<>(shared);
        api.put("KIPPU_AWS_CREDENTIALS", "container");
        api.put("PORT", "8080");
        api.put("KIPPU_NOTIFICATIONS_LOOPS", "true");
        Map<String, Object> job = new java.util.HashMap<>(shared);
        job.put("KIPPU_AWS_CREDENTIALS", "container");
        assertThat(environmentOf("kippu-fargate-api")).isEqualTo(api);
        // the job's profile turns the loops off; an environment value would override it
        assertThat(environmentOf("kippu-fargate-reminders")).isEqualTo(job);
    }

    @Test
    void eachContainersSettingsAreListedByNameSoThatTheSameSettingsAreTheSameRevision() {
        for (String family : List.of("kippu-fargate-api", "kippu-fargate-reminders")) {
            assertThat(environmentVariables(family)).extracting(variable -> (String) variable.get("Name")).isSorted();
        }
    }

    @Test
    void fiveXxUnhealthyTasksCpuMemoryAndFailedRunsAlarmTheOperators() {
        for (String metric : List.of("HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "UnHealthyHostCount", "CPUUtilization",
                "MemoryUtilization", "kippu-fargate-reminders-failures")) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "MetricName", metric, "AlarmActions", List.of(imported("AlarmTopicArn")))));
        }
        template.resourceCountIs("AWS::CloudWatch::Alarm", 6);
        template.hasResourceProperties("AWS::Logs::MetricFilter", Match.objectLike(Map.of("FilterPattern", "\"Reminder job failed\"")));
    }

    @Test
    void theLoadBalancersNameAndTheVpcOriginsIdAreWhatTheSharedStackIsGiven() {
        template.hasOutput("ApiOriginHost", Match.objectLike(Map.of(
                "Value", Map.of("Fn::GetAtt", List.of(template.getResourceId("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of()), "DNSName")),
                "Description", Match.stringLikeRegexp(".*kippu:apiOriginType=vpc and kippu:apiVpcOriginId=<ApiVpcOriginId>.*"))));
        template.hasOutput("ApiVpcOriginId", Match.objectLike(Map.of(
                "Value", Map.of("Fn::GetAtt", List.of(template.getResourceId("AWS::CloudFront::VpcOrigin"), "Id")))));
    }

    @Test
    void cdkNagFindsNothingUnexplained() {
        synthesized.assertNagClean();
    }

    @Test
    void theImageAndTheZonesAreRequired() {
        App noImage = App.Builder.create().context(Map.of("kippu:cloudFrontPrefixListId", "pl-1")).build();
        assertThatThrownBy(() -> FargateSettings.from(new Context(noImage.getNode())))
                .hasMessageContaining("kippu:image").hasMessageContaining("jib:build");
        App oneTask = App.Builder.create().context(Map.of("kippu:image", "kippu-app:1", "kippu:minTasks", "1")).build();
        assertThatThrownBy(() -> FargateSettings.from(new Context(oneTask.getNode()))).hasMessageContaining("two availability zones");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> environmentVariables(String family) {
        Map<String, Object> definition = synthesized.properties("AWS::ECS::TaskDefinition", Map.of("Family", family));
        return (List<Map<String, Object>>) ((List<Map<String, Object>>) definition.get("ContainerDefinitions")).getFirst().get("Environment");
    }

    private static Map<String, Object> environmentOf(String family) {
        return environmentVariables(family).stream()
                .collect(Collectors.toMap(variable -> (String) variable.get("Name"), variable -> variable.get("Value")));
    }

    private static Map<String, Object> joined(String export, String suffix) {
        return Map.of("Fn::Join", List.of("", List.of(imported(export), suffix)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument")).get("Statement");
    }

    /** Each statement as its resources (always a list) and its actions (a set): Allow only, no conditions. */
    private static Map<Object, Set<String>> actionsByResource(List<Map<String, Object>> statements) {
        assertThat(statements).allSatisfy(statement -> assertThat(statement).containsEntry("Effect", "Allow").doesNotContainKey("Condition"));
        return statements.stream().collect(Collectors.toMap(
                statement -> statement.get("Resource") instanceof List<?> list ? list : List.of(statement.get("Resource")),
                statement -> statement.get("Action") instanceof List<?> list
                        ? list.stream().map(Object::toString).collect(Collectors.toSet()) : Set.of(statement.get("Action").toString())));
    }
}
