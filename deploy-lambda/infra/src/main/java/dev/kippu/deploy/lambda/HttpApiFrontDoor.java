package dev.kippu.deploy.lambda;

import java.util.List;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The HTTP function's front door as an HTTP API: every route to {@code live} (payload format 2.0),
 * throttled, with CORS for the site (and the given origins), access-logged. No authorizer: the
 * application checks Cognito tokens itself, the same way on every runtime.
 */
public class HttpApiFrontDoor extends Construct {

    private final HttpApi api;

    public HttpApiFrontDoor(Construct scope, String id, Props props) {
        super(scope, id);
        api = HttpApi.Builder.create(this, "Api")
                .apiName(props.name())
                .description("Kippu's API on Lambda")
                .createDefaultStage(false)
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(props.allowedOrigins())
                        .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS))
                        .allowHeaders(List.of("authorization", "content-type"))
                        .maxAge(Duration.minutes(10))
                        .build())
                .defaultIntegration(new HttpLambdaIntegration("Kippu", props.live(), HttpLambdaIntegrationProps.builder()
                        .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
                        .build()))
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        HttpStage stage = api.addStage("Stage", HttpStageOptions.builder()
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(props.throttle().rateLimit()).burstLimit(props.throttle().burstLimit()).build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public LogGroupLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                .build());
        NagSuppressions.addResourceSuppressions(api, List.of(NagPackSuppression.builder().id("AwsSolutions-APIG4")
                .reason("No gateway authorizer by design: the application checks Cognito access tokens itself, as on every runtime, "
                        + "and anonymous visitors may browse events")
                .build()), true);
        stage.getNode().addDependency(accessLogs);
    }

    public HttpApi api() {
        return api;
    }

    /** The API's host name, for the shared distribution's API origin ({@code kippu:apiOriginType=https}). */
    public String originHost() {
        return Fn.select(2, Fn.split("/", api.getApiEndpoint()));
    }

    /** HTTP API's own context variables, one JSON object a request. */
    static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"time\":\"$context.requestTime\",\"method\":\"$context.httpMethod\",\"path\":\"$context.path\","
            + "\"status\":\"$context.status\",\"length\":\"$context.responseLength\",\"latency\":\"$context.responseLatency\","
            + "\"integrationError\":\"$context.integrationErrorMessage\"}";

    /**
     * @param name           the API's name
     * @param live           the HTTP function's alias
     * @param allowedOrigins the origins browsers may call it from (the site's first)
     * @param throttle       steady rate and burst, requests per second
     * @param logRetention   how long access logs are kept
     */
    public record Props(String name, Alias live, List<String> allowedOrigins, LambdaSettings.Throttle throttle, RetentionDays logRetention) {
    }
}
