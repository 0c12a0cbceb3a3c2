package dev.kippu.deploy.shared;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The VPC that runtimes on instances run in (Lambda Managed Instances, Fargate): public and private
 * subnets in every zone; gateway endpoints for DynamoDB and S3 (free); interface endpoints for SQS,
 * SES, CloudWatch Logs and Cognito when asked for (they cost by the hour); NAT only when asked for.
 * Without either, the private subnets reach DynamoDB and S3 and nothing else. Flow logs go to S3.
 */
public class RuntimeNetwork extends Construct {

    /** What the application calls from a private subnet besides DynamoDB and S3, and where the runtime sends its logs. */
    static final Map<String, InterfaceVpcEndpointAwsService> INTERFACE_ENDPOINTS = Map.of(
            "Sqs", InterfaceVpcEndpointAwsService.SQS,
            "Ses", InterfaceVpcEndpointAwsService.EMAIL,
            "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
            "Cognito", InterfaceVpcEndpointAwsService.COGNITO_IDP);

    private final Vpc vpc;
    private final SecurityGroup runtimeSecurityGroup;
    private final SubnetType privateSubnetType;

    public RuntimeNetwork(Construct scope, String id, Props props) {
        super(scope, id);
        privateSubnetType = props.natGateways() > 0 ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED;
        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(props.maxAzs())
                .natGateways(props.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("Public").subnetType(SubnetType.PUBLIC).cidrMask(24).mapPublicIpOnLaunch(false).build(),
                        SubnetConfiguration.builder().name("Private").subnetType(privateSubnetType).cidrMask(20).build()))
                .gatewayEndpoints(Map.of(
                        "DynamoDb", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.DYNAMODB).build(),
                        "S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build()))
                .flowLogs(Map.of("ToS3", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toS3(props.flowLogs(), "vpc-flow-logs/"))
                        .trafficType(FlowLogTrafficType.REJECT)
                        .build()))
                .build();
        runtimeSecurityGroup = SecurityGroup.Builder.create(this, "RuntimeSecurityGroup")
                .vpc(vpc)
                .description("Kippu runtimes in the VPC: nothing comes in, HTTPS goes out (endpoints, NAT)")
                .allowAllOutbound(true)
                .build();
        if (props.interfaceEndpoints()) {
            SecurityGroup endpoints = SecurityGroup.Builder.create(this, "EndpointSecurityGroup")
                    .vpc(vpc)
                    .description("Kippu interface endpoints: HTTPS from the runtimes only")
                    .allowAllOutbound(false)
                    .build();
            endpoints.addIngressRule(runtimeSecurityGroup, Port.tcp(443), "HTTPS from Kippu runtimes");
            INTERFACE_ENDPOINTS.forEach((name, service) -> vpc.addInterfaceEndpoint(name, InterfaceVpcEndpointOptions.builder()
                    .service(service)
                    .privateDnsEnabled(true)
                    .subnets(runtimeSubnetSelection())
                    .securityGroups(List.of(endpoints))
                    .open(false)
                    .build()));
        }
    }

    private SubnetSelection runtimeSubnetSelection() {
        return SubnetSelection.builder().subnetType(privateSubnetType).build();
    }

    public Vpc vpc() {
        return vpc;
    }

    /** The private subnets, one per zone, where runtimes run. */
    public List<ISubnet> runtimeSubnets() {
        return vpc.selectSubnets(runtimeSubnetSelection()).getSubnets();
    }

    public SecurityGroup runtimeSecurityGroup() {
        return runtimeSecurityGroup;
    }

    /**
     * @param maxAzs             availability zones (two or more)
     * @param natGateways        NAT gateways; 0 makes the private subnets isolated
     * @param interfaceEndpoints create the interface endpoints
     * @param flowLogs           the bucket that receives the VPC's rejected-traffic flow logs
     */
    public record Props(int maxAzs, int natGateways, boolean interfaceEndpoints, IBucket flowLogs) {
    }
}
