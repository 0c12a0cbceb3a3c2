package dev.kippu.deploy.shared;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZoneAttributes;
import software.constructs.Construct;

/**
 * The site's TLS certificate, in us-east-1 where CloudFront takes certificates from, validated by
 * DNS in the site's hosted zone. Only with a custom domain; the shared stack references it across
 * regions.
 */
public class SiteCertificateStack extends Stack {

    public static final String CERTIFICATE_REGION = "us-east-1";

    private final Certificate certificate;

    public SiteCertificateStack(Construct scope, String id, StackProps stackProps, SharedSettings.CustomDomain domain) {
        super(scope, id, stackProps);
        IHostedZone zone = PublicHostedZone.fromPublicHostedZoneAttributes(this, "Zone", PublicHostedZoneAttributes.builder()
                .hostedZoneId(domain.zoneId()).zoneName(domain.zoneName()).build());
        certificate = Certificate.Builder.create(this, "Certificate")
                .domainName(domain.name())
                .validation(CertificateValidation.fromDns(zone))
                .build();
    }

    public Certificate certificate() {
        return certificate;
    }
}
