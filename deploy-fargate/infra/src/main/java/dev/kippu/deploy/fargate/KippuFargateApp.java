package dev.kippu.deploy.fargate;

import java.util.Optional;

import dev.kippu.deploy.shared.Context;
import dev.kippu.deploy.shared.Synthesis;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app of Kippu on Fargate: {@code <prefix>-fargate}, on the shared stack's exports.
 * {@code cd deploy-fargate/infra && npx aws-cdk deploy -c kippu:image=<ECR URI>@sha256:...}.
 */
public final class KippuFargateApp {

    private KippuFargateApp() {
    }

    public static void main(String[] args) {
        App app = Synthesis.app();
        stack(app, FargateSettings.from(new Context(app.getNode())), Synthesis.cliEnvironment());
        Synthesis.checkAwsSolutions(app);
        app.synth();
    }

    /** The stack; with the CLI's account and region it is bound to them, so that it can look up CloudFront's prefix list. */
    public static FargateStack stack(App app, FargateSettings settings, Optional<Environment> environment) {
        StackProps.Builder props = StackProps.builder().description("Kippu on AWS Fargate (API service, reminder job on Spot)");
        environment.ifPresent(props::env);
        return new FargateStack(app, settings.prefix() + "-fargate", props.build(), settings);
    }
}
