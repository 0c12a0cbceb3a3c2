package dev.kippu.deploy.lambda;

import dev.kippu.deploy.shared.Context;
import dev.kippu.deploy.shared.Synthesis;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app of Kippu on Lambda: one stack per variant, {@code <prefix>-lambda-<variant>}, on the
 * shared stack's exports. {@code cd deploy-lambda/infra && npx aws-cdk deploy -c kippu:variant=...}.
 */
public final class KippuLambdaApp {

    private KippuLambdaApp() {
    }

    public static void main(String[] args) {
        App app = Synthesis.app();
        stack(app, LambdaSettings.from(new Context(app.getNode())));
        Synthesis.checkAwsSolutions(app);
        app.synth();
    }

    public static LambdaStack stack(App app, LambdaSettings settings) {
        return new LambdaStack(app, settings.prefix() + "-lambda-" + settings.variant().contextName(), StackProps.builder()
                .description("Kippu on AWS Lambda (" + settings.variant().contextName() + ")")
                .build(), settings);
    }
}
