package dev.kippu.deploy.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** With an origin name: HTTPS from the VPC origin to the load balancer; also the other choices (sizes, the job on arm64, any registry). */
class HttpsOriginTest {

    private static SynthesizedFargate synthesized;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedFargate.of(Map.of(
                "kippu:originDomainName", "api-origin.tickets.example.com",
                "kippu:hostedZoneId", "Z0123456789ABCDEFGHIJ",
                "kippu:hostedZoneName", "example.com",
                "kippu:image", "ghcr.io/example/kippu-app:0.1.0",
                "kippu:minTasks", "3", "kippu:maxTasks", "12", "kippu:requestsPerTask", "2400", "kippu:cpuTarget", "50",
                "kippu:jobArchitecture", "arm64",
                "kippu:reminderSchedule", "rate(30 minutes)"));
        template = synthesized.template();
    }

    @Test
    void theVpcOriginReachesTheLoadBalancerOverHttpsOnItsOwnName() {
        template.hasResourceProperties("AWS::CertificateManager::Certificate", Match.objectLike(Map.of(
                "DomainName", "api-origin.tickets.example.com", "ValidationMethod", "DNS")));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
                "Port", 443, "Protocol", "HTTPS", "SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06",
                "Certificates", List.of(Map.of("CertificateArn", Match.anyValue())))));
        template.resourcePropertiesCountIs("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of("Port", 80)), 0);
        template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Match.objectLike(Map.of(
                "FromPort", 443, "ToPort", 443, "SourcePrefixListId", SynthesizedFargate.PREFIX_LIST)));
        template.hasResourceProperties("AWS::Route53::RecordSet", Match.objectLike(Map.of(
                "Name", "api-origin.tickets.example.com.", "Type", "A", "AliasTarget", Match.anyValue())));
        template.hasResourceProperties("AWS::CloudFront::VpcOrigin", Map.of("VpcOriginEndpointConfig", Match.objectLike(Map.of(
                "OriginProtocolPolicy", "https-only", "HTTPSPort", 443, "OriginSSLProtocols", List.of("TLSv1.2")))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of("Scheme", "internal")));
        template.hasOutput("ApiOriginHost", Match.objectLike(Map.of("Value", "api-origin.tickets.example.com",
                "Description", Match.stringLikeRegexp(".*kippu:apiOriginType=vpc.*"))));
    }

    @Test
    void theTaskCountAndTargetsComeFromTheContext() {
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of("MinCapacity", 3, "MaxCapacity", 12)));
        template.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of("DesiredCount", 3)));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 2400)))));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 50)))));
        template.hasResourceProperties("AWS::Scheduler::Schedule", Match.objectLike(Map.of("ScheduleExpression", "rate(30 minutes)")));
    }

    @Test
    void theJobRunsOnArm64SpotWhenAskedAndAnotherRegistrysImageNeedsNoEcrRights() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "Family", "kippu-fargate-reminders", "RuntimePlatform", Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX"),
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("Image", "ghcr.io/example/kippu-app:0.1.0"))))));
        for (String role : List.of("ApiTaskExecutionRole", "ReminderTaskExecutionRole")) {
            assertThat(synthesized.statementsOfRole(role)).extracting(statement -> statement.get("Action").toString())
                    .containsExactly("[logs:CreateLogStream, logs:PutLogEvents]");
        }
    }

    @Test
    void cdkNagFindsNothingUnexplained() {
        synthesized.assertNagClean();
    }
}
