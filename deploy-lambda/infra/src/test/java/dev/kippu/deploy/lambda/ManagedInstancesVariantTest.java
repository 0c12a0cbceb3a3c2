package dev.kippu.deploy.lambda;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** java25 on Lambda Managed Instances: a capacity provider in the shared VPC's private subnets, many requests per environment. */
class ManagedInstancesVariantTest {

    private static SynthesizedLambda synthesized;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedLambda.of(Map.of(
                "kippu:variant", "managed-instances",
                "kippu:memoryMb", "4096",
                "kippu:miInstanceTypes", "m7g.large,c7g.xlarge",
                "kippu:miMaxVCpus", "24",
                "kippu:miPerEnvironmentConcurrency", "32",
                "kippu:miMemoryGiBPerVCpu", "4",
                "kippu:miMinEnvironments", "1"));
        template = synthesized.template();
    }

    @Test
    void theCapacityProviderLaunchesArm64InstancesInTheSharedPrivateSubnets() {
        template.resourceCountIs("AWS::Lambda::CapacityProvider", 1);
        template.hasResourceProperties("AWS::Lambda::CapacityProvider", Match.objectLike(Map.of(
                "CapacityProviderName", "kippu-managed-instances",
                "VpcConfig", Map.of(
                        "SubnetIds", List.of(subnet(0), subnet(1)),
                        "SecurityGroupIds", List.of(Map.of("Fn::ImportValue", "kippu-RuntimeSecurityGroupId"))),
                "InstanceRequirements", Match.objectLike(Map.of(
                        "Architectures", List.of("arm64"),
                        "AllowedInstanceTypes", List.of("m7g.large", "c7g.xlarge"))),
                "CapacityProviderScalingConfig", Match.objectLike(Map.of("MaxVCpuCount", 24)))));
    }

    private static Map<String, Object> subnet(int index) {
        return Map.of("Fn::Select", List.of(index, Map.of("Fn::Split", List.of(",", Map.of("Fn::ImportValue", "kippu-PrivateSubnetIds")))));
    }

    @Test
    void everyFunctionRunsOnItWithManyRequestsPerEnvironment() {
        String provider = template.getResourceId("AWS::Lambda::CapacityProvider");
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Runtime", "java25",
                "Architectures", List.of("arm64"),
                "MemorySize", 4096,
                "SnapStart", Match.absent(),
                "CapacityProviderConfig", Map.of("LambdaManagedInstancesCapacityProviderConfig", Map.of(
                        "CapacityProviderArn", Map.of("Fn::GetAtt", List.of(provider, "Arn")),
                        "PerExecutionEnvironmentMaxConcurrency", 32,
                        "ExecutionEnvironmentMemoryGiBPerVCpu", 4)))), 3);
        template.resourcePropertiesCountIs("AWS::Lambda::Version", Match.objectLike(Map.of(
                "FunctionScalingConfig", Map.of("MinExecutionEnvironments", 1))), 3);
    }

    @Test
    void theCanaryAndTheTriggersAreTheSameAsOnEveryVariant() {
        template.resourcePropertiesCountIs("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")), 3);
        template.resourceCountIs("AWS::CodeDeploy::DeploymentGroup", 3);
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        template.resourceCountIs("AWS::Scheduler::Schedule", 1);
        template.resourceCountIs("AWS::Lambda::Url", 1);
    }

    @Test
    void cdkNagFindsNothingUnexplained() {
        synthesized.assertNagClean();
    }
}
