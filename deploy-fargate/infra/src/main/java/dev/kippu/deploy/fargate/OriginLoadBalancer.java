package dev.kippu.deploy.fargate;

import java.util.List;
import java.util.Optional;

import dev.kippu.deploy.shared.WebDistribution;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.ec2.IPrefixList;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.IPublicHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZoneAttributes;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The API's origin for the shared CloudFront distribution: an internet-facing load balancer in the
 * public subnets that only CloudFront reaches. Its security group admits the CloudFront
 * origin-facing prefix list alone, on the listener's port; the listener forwards only requests that
 * carry the shared secret CloudFront adds ({@link WebDistribution#ORIGIN_VERIFY_HEADER}, from
 * Secrets Manager) and answers 403 to anything else (another CloudFront distribution, for one).
 * With an origin name and its zone the listener is HTTPS with a certificate for that name; without,
 * it is HTTP, since no certificate can be had for the load balancer's own AWS name.
 */
public class OriginLoadBalancer extends Construct {

    public static final String HEALTH_CHECK_PATH = "/actuator/health/readiness";
    /**
     * How long a task leaving the service still finishes its requests before ECS stops it: as long as
     * CloudFront waits for the origin (deploy-shared's API read timeout), so that none is cut off.
     */
    public static final Duration DEREGISTRATION_DELAY = Duration.seconds(30);

    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationTargetGroup targetGroup;
    private final Secret originSecret;
    private final String originHost;

    public OriginLoadBalancer(Construct scope, String id, Props props) {
        super(scope, id);
        boolean https = props.origin().isPresent();
        int listenerPort = https ? 443 : 80;
        SecurityGroup securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(props.vpc())
                .description("Kippu API load balancer: in from CloudFront origin-facing addresses only, out to the API tasks")
                .allowAllOutbound(false)
                .build();
        securityGroup.addIngressRule(Peer.prefixList(props.cloudFrontOrigins().getPrefixListId()), Port.tcp(listenerPort),
                "CloudFront origin-facing servers");

        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(props.vpc())
                .internetFacing(true)
                .vpcSubnets(SubnetSelection.builder().subnets(props.publicSubnets()).build())
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

        originSecret = Secret.Builder.create(this, "OriginSecret")
                .secretName(props.secretName())
                .description("Kippu: the value CloudFront sends in " + WebDistribution.ORIGIN_VERIFY_HEADER + " and the load balancer checks")
                .generateSecretString(SecretStringGenerator.builder().excludePunctuation(true).passwordLength(48).build())
                .build();
        NagSuppressions.addResourceSuppressions(originSecret, List.of(NagPackSuppression.builder().id("AwsSolutions-SMG4")
                .reason("Both the listener rule and the distribution take the value when their stacks deploy (a dynamic reference): rotating it "
                        + "means a new value, then deploying this stack and the shared one; docs/infrastructure.md says how")
                .build()));

        BaseApplicationListenerProps.Builder listener = BaseApplicationListenerProps.builder()
                .port(listenerPort)
                .protocol(https ? ApplicationProtocol.HTTPS : ApplicationProtocol.HTTP)
                .open(false)
                .defaultAction(ListenerAction.fixedResponse(403, FixedResponseOptions.builder()
                        .contentType("text/plain").messageBody("Forbidden").build()));
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
        ApplicationListener front = loadBalancer.addListener(https ? "Https" : "Http", listener.build());
        front.addAction("FromCloudFront", AddApplicationActionProps.builder()
                .priority(1)
                .conditions(List.of(ListenerCondition.httpHeader(WebDistribution.ORIGIN_VERIFY_HEADER,
                        List.of(originSecret.getSecretValue().unsafeUnwrap()))))
                .action(ListenerAction.forward(List.of(targetGroup)))
                .build());
        originHost = props.origin().map(FargateSettings.OriginDomain::name).orElse(loadBalancer.getLoadBalancerDnsName());

        NagSuppressions.addResourceSuppressions(loadBalancer, List.of(NagPackSuppression.builder().id("AwsSolutions-ELB2")
                .reason("Only CloudFront reaches it, and the distribution's standard logs (deploy-shared, the access-log bucket) record every "
                        + "request, with the origin's status and time")
                .build()));
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    public Secret originSecret() {
        return originSecret;
    }

    /** The shared stack's {@code kippu:apiOrigin}: the origin name, or the load balancer's DNS name. */
    public String originHost() {
        return originHost;
    }

    /**
     * @param vpc               the shared VPC
     * @param publicSubnets     its public subnets, one per zone
     * @param cloudFrontOrigins the region's CloudFront origin-facing managed prefix list
     * @param targetPort        the port the tasks listen on
     * @param secretName        the name of the secret shared with the distribution
     * @param origin            a name and zone for an HTTPS listener, when given
     */
    public record Props(IVpc vpc, List<ISubnet> publicSubnets, IPrefixList cloudFrontOrigins, int targetPort, String secretName,
                        Optional<FargateSettings.OriginDomain> origin) {
    }
}
