package dev.kippu.deploy.shared;

import java.util.Optional;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app of what every runtime shares: {@code <prefix>-shared} (SharedStack) and, with a custom
 * domain, {@code <prefix>-certificate} in us-east-1. {@code cd deploy-shared && npx aws-cdk deploy --all}.
 */
public final class KippuSharedApp {

    private KippuSharedApp() {
    }

    public static void main(String[] args) {
        App app = Synthesis.app();
        stacks(app, SharedSettings.from(new Context(app.getNode())), Synthesis.cliEnvironment());
        Synthesis.checkAwsSolutions(app);
        app.synth();
    }

    /** The app's stacks; a custom domain needs the account and region, for the certificate's stack in us-east-1. */
    public static SharedStacks stacks(App app, SharedSettings settings, Optional<Environment> environment) {
        Optional<SiteCertificateStack> certificate = settings.domain().map(domain -> {
            Environment env = environment.orElseThrow(() -> new IllegalArgumentException(
                    "kippu:domainName needs the account and region: deploy with the CDK CLI and credentials"));
            return new SiteCertificateStack(app, settings.prefix() + "-certificate", StackProps.builder()
                    .env(Environment.builder().account(env.getAccount()).region(SiteCertificateStack.CERTIFICATE_REGION).build())
                    .crossRegionReferences(true)
                    .description("Kippu: the site's certificate for CloudFront")
                    .build(), domain);
        });
        StackProps.Builder sharedProps = StackProps.builder()
                .description("Kippu: what every runtime shares (table, buckets, CDN, users, e-mail, VPC, alarms)")
                .crossRegionReferences(certificate.isPresent());
        certificate.ifPresent(c -> sharedProps.env(environment.orElseThrow()));
        SharedStack shared = new SharedStack(app, settings.prefix() + "-shared", sharedProps.build(), settings,
                certificate.map(SiteCertificateStack::certificate));
        return new SharedStacks(shared, certificate);
    }

    public record SharedStacks(SharedStack shared, Optional<SiteCertificateStack> certificate) {
    }
}
