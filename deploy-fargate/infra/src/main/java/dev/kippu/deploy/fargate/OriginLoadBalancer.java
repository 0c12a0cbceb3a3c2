package dev.kippu.deploy.fargate;

import java.util.List;
import java.util.Optional;

import dev.kippu.deploy.shared.WebDistribution;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.VpcOrigin;
import software.amazon.awscdk.services.cloudfront.VpcOriginEndpoint;
import software.amazon.awscdk.services.ec2.IPrefixList;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.IPublicHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZoneAttributes;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.constructs.Construct;

/**
 * The API's origin for the shared CloudFront distribution: an internal load balancer in the private
 * subnets, and the CloudFront VPC origin through which the distribution reaches it without leaving
 * AWS's network. Nothing about it is public: no public address, no route from the internet. Its
 * security group admits the CloudFront origin-facing prefix list alone, on the listener's port, as
 * the CDK's VPC origin guide shows; the group CloudFront makes in the VPC for its VPC origins
 * ({@code CloudFront-VPCOrigins-Service-SG}) would be narrower, but CloudFormation does not give its
 * id, and only a lookup after the VPC origin exists could. Only this account's distributions can use
 * a VPC origin (or an account it is shared with through AWS RAM), so no shared secret is needed. With an origin name and its zone the listener (and the VPC origin)
 * is HTTPS with a certificate for that name, so that the hop is encrypted too; without, it is HTTP,
 * since no certificate can be had for the load balancer's own AWS name.
 */
public class OriginLoadBalancer extends Construct {

    public static final String HEALTH_CHECK_PATH = "/actuator/health/readiness";
    /**
     * How long a task leaving the service still finishes its requests before ECS stops it: as long as
     * CloudFront waits for the origin, so that none is cut off.
     */
    public static final Duration DEREGISTRATION_DELAY = WebDistribution.API_READ_TIMEOUT;

    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationTargetGroup targetGroup;
    private final VpcOrigin vpcOrigin;
    private final String originHost;

    public OriginLoadBalancer(Construct scope, String id, Props props) {
        super(scope, id);
        boolean https = props.origin().isPresent();
        int listenerPort = https ? 443 : 80;
        SecurityGroup securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(props.vpc())
                .description("Kippu API load balancer (internal): in from the CloudFront VPC origin only, out to the API tasks")
                .allowAllOutbound(false)
                .build();
        securityGroup.addIngressRule(Peer.prefixList(props.cloudFrontOrigins().getPrefixListId()), Port.tcp(listenerPort),
                "CloudFront VPC origin (origin-facing servers)");

        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(props.vpc())
                .internetFacing(false)
                .vpcSubnets(SubnetSelection.builder().subnets(props.privateSubnets()).build())
                .securityGroup(securityGroup)
                .dropInvalidHeaderFields(true)
                .build();

        targetGroup = ApplicationTargetGroup.Builder.create(this, "Targets")
                .vpc(props.vpc())
                .targetType(TargetType.IP)
                .protocol(ApplicationProtocol.HTTP)
                .port(props.targetPort())
                .deregistrationDelay(DEREGISTRATION_DELAY)
                .healthCheck(HealthCheck.builder()
                        .path(HEALTH_CHECK_PATH)
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(10))
                        .timeout(Duration.seconds(5))
                        // in service 20 s after start (ready in 2-4 s); out after 30 s of failing checks
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .build();

        BaseApplicationListenerProps.Builder listener = BaseApplicationListenerProps.builder()
                .port(listenerPort)
                .protocol(https ? ApplicationProtocol.HTTPS : ApplicationProtocol.HTTP)
                .open(false)
                .defaultAction(ListenerAction.forward(List.of(targetGroup)));
        props.origin().ifPresent(origin -> {
            IPublicHostedZone zone = PublicHostedZone.fromPublicHostedZoneAttributes(this, "Zone", PublicHostedZoneAttributes.builder()
                    .hostedZoneId(origin.zoneId()).zoneName(origin.zoneName()).build());
            Certificate certificate = Certificate.Builder.create(this, "Certificate")
                    .domainName(origin.name())
                    .validation(CertificateValidation.fromDns(zone))
                    .build();
            listener.certificates(List.of(ListenerCertificate.fromCertificateManager(certificate))).sslPolicy(SslPolicy.RECOMMENDED_TLS);
            ARecord.Builder.create(this, "Alias").zone(zone).recordName(origin.name())
                    .target(RecordTarget.fromAlias(new LoadBalancerTarget(loadBalancer))).build();
        });
        loadBalancer.addListener(https ? "Https" : "Http", listener.build());
        vpcOrigin = VpcOrigin.Builder.create(this, "VpcOrigin")
                .vpcOriginName(props.name())
                .endpoint(VpcOriginEndpoint.applicationLoadBalancer(loadBalancer))
                .protocolPolicy(https ? OriginProtocolPolicy.HTTPS_ONLY : OriginProtocolPolicy.HTTP_ONLY)
                .httpPort(80)
                .httpsPort(443)
                .build();
        originHost = props.origin().map(FargateSettings.OriginDomain::name).orElse(loadBalancer.getLoadBalancerDnsName());

        NagSuppressions.addResourceSuppressions(loadBalancer, List.of(NagPackSuppression.builder().id("AwsSolutions-ELB2")
                .reason("Only the CloudFront VPC origin reaches it, and the distribution's standard logs (deploy-shared, the access-log bucket) record every "
                        + "request, with the origin's status and time")
                .build()));
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    /** The VPC origin the shared distribution's API behaviour uses (by its id: {@code kippu:apiVpcOriginId}). */
    public VpcOrigin vpcOrigin() {
        return vpcOrigin;
    }

    /** The shared stack's {@code kippu:apiOrigin}: the origin name, or the load balancer's DNS name. */
    public String originHost() {
        return originHost;
    }

    /**
     * @param name              the VPC origin's name
     * @param vpc               the shared VPC
     * @param privateSubnets    its private subnets, one per zone
     * @param cloudFrontOrigins the region's CloudFront origin-facing managed prefix list
     * @param targetPort        the port the tasks listen on
     * @param origin            a name and zone for an HTTPS listener, when given
     */
    public record Props(String name, IVpc vpc, List<ISubnet> privateSubnets, IPrefixList cloudFrontOrigins, int targetPort,
                        Optional<FargateSettings.OriginDomain> origin) {
    }
}
