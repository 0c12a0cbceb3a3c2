package dev.kippu.deploy.lambda;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.constructs.Construct;

/**
 * The HTTP function's front door without a gateway: a Function URL on {@code live} with AWS_IAM
 * auth, which only the shared CloudFront distribution may call (its origin access control signs each
 * request; no per-request gateway fee). The distribution is the shared stack's, so this stack grants
 * it here and the shared stack points {@code /graphql*} at {@link #originHost()} (its context
 * {@code kippu:apiOrigin}): the dependency goes one way, and any runtime can be the origin.
 */
public class FunctionUrlFrontDoor extends Construct {

    private final FunctionUrl url;

    public FunctionUrlFrontDoor(Construct scope, String id, Props props) {
        super(scope, id);
        url = props.live().addFunctionUrl(FunctionUrlOptions.builder().authType(FunctionUrlAuthType.AWS_IAM).build());
        String distributionArn = Stack.of(this).formatArn(ArnComponents.builder()
                .service("cloudfront")
                .region("")
                .resource("distribution")
                .resourceName(props.distributionId())
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
        // A Function URL created since October 2025 needs both actions granted
        CfnPermission.Builder.create(this, "CloudFrontInvokesUrl")
                .action("lambda:InvokeFunctionUrl")
                .functionName(props.live().getFunctionArn())
                .principal("cloudfront.amazonaws.com")
                .sourceArn(distributionArn)
                .functionUrlAuthType("AWS_IAM")
                .build();
        CfnPermission.Builder.create(this, "CloudFrontInvokesThroughUrl")
                .action("lambda:InvokeFunction")
                .functionName(props.live().getFunctionArn())
                .principal("cloudfront.amazonaws.com")
                .sourceArn(distributionArn)
                .invokedViaFunctionUrl(true)
                .build();
    }

    public FunctionUrl url() {
        return url;
    }

    /** The URL's host name, what the shared distribution's API origin is. */
    public String originHost() {
        return Fn.select(2, Fn.split("/", url.getUrl()));
    }

    /**
     * @param live           the HTTP function's alias
     * @param distributionId the shared distribution, the only caller
     */
    public record Props(Alias live, String distributionId) {
    }
}
