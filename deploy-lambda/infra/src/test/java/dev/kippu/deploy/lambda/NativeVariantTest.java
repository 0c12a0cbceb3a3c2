package dev.kippu.deploy.lambda;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The native executable on provided.al2023, behind an HTTP API (the other front door). */
class NativeVariantTest {

    private static SynthesizedLambda synthesized;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedLambda.of(Map.of(
                "kippu:variant", "native",
                "kippu:frontDoor", "http-api",
                "kippu:corsOrigins", "http://localhost:3000",
                "kippu:apiRateLimit", "50",
                "kippu:apiBurstLimit", "80"));
        template = synthesized.template();
    }

    @Test
    void theNativeBootstrapRunsOnProvidedAl2023WithTheSameHandlers() {
        template.resourceCountIs("AWS::Lambda::Function", 3);
        for (String handler : List.of(LambdaStack.HTTP_HANDLER, LambdaStack.EMAIL_HANDLER, LambdaStack.SCHEDULE_HANDLER)) {
            template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", handler,
                    "Runtime", "provided.al2023",
                    "Architectures", List.of("arm64"),
                    "MemorySize", 1024,
                    "SnapStart", Match.absent(),
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            "JAVA_TOOL_OPTIONS", Match.absent(),
                            "SPRING_PROFILES_ACTIVE", "prod"))))));
        }
    }

    @Test
    void theHttpApiSendsPayloadFormat2ToLiveWithoutAnAuthorizer() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Api", Match.objectLike(Map.of(
                "ProtocolType", "HTTP",
                "CorsConfiguration", Match.objectLike(Map.of(
                        "AllowOrigins", List.of(Map.of("Fn::ImportValue", "kippu-SiteUrl"), "http://localhost:3000"),
                        "AllowMethods", List.of("GET", "POST", "OPTIONS"),
                        "AllowHeaders", List.of("authorization", "content-type"))))));
        template.hasResourceProperties("AWS::ApiGatewayV2::Integration", Match.objectLike(Map.of(
                "IntegrationType", "AWS_PROXY", "PayloadFormatVersion", "2.0")));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Match.objectLike(Map.of(
                "RouteKey", "$default", "AuthorizationType", "NONE")));
        template.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
        template.hasResourceProperties("AWS::Lambda::Permission", Match.objectLike(Map.of(
                "Action", "lambda:InvokeFunction", "Principal", "apigateway.amazonaws.com")));
        template.resourceCountIs("AWS::Lambda::Url", 0);
    }

    @Test
    void theApiIsThrottledAndAccessLogged() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of(
                "StageName", "$default",
                "AutoDeploy", true,
                "DefaultRouteSettings", Match.objectLike(Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 80)),
                "AccessLogSettings", Match.objectLike(Map.of("DestinationArn", Match.anyValue(), "Format", HttpApiFrontDoor.ACCESS_LOG_FORMAT)))));
        template.hasOutput("ApiUrl", Match.objectLike(Map.of("Value", Match.anyValue())));
    }

    @Test
    void cdkNagFindsNothingUnexplained() {
        synthesized.assertNagClean();
    }
}
