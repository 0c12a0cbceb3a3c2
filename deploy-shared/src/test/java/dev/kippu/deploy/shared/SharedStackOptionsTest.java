package dev.kippu.deploy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The shared stack with every option the context offers: a custom domain (and its certificate stack),
 * Google sign-in, phone verification, no deletion protection, NAT, interface endpoints, Slack, LINE,
 * and a Function URL as the API origin; also the other API origins (any HTTPS host, a VPC origin).
 */
class SharedStackOptionsTest {

    private static SynthesizedShared synthesized;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedShared.of(Map.ofEntries(
                Map.entry("kippu:prefix", "kippu-test"),
                Map.entry("kippu:deletionProtection", "false"),
                Map.entry("kippu:phoneVerification", "true"),
                Map.entry("kippu:googleClientId", "1234.apps.googleusercontent.com"),
                Map.entry("kippu:googleClientSecretName", "kippu/google-client-secret"),
                Map.entry("kippu:authDomainPrefix", "kippu-test-signin"),
                Map.entry("kippu:domainName", "tickets.example.com"),
                Map.entry("kippu:hostedZoneId", "Z0123456789ABCDEFGHIJ"),
                Map.entry("kippu:hostedZoneName", "example.com"),
                Map.entry("kippu:webOrigins", "http://localhost:3000"),
                Map.entry("kippu:natGateways", "1"),
                Map.entry("kippu:interfaceEndpoints", "true"),
                Map.entry("kippu:slackWorkspaceId", "T0123456789"),
                Map.entry("kippu:slackChannelId", "C0123456789"),
                Map.entry("kippu:lineSecretName", "kippu/line"),
                Map.entry("kippu:apiOrigin", "abcdefghijklmnopqrstuvwxyz123456.lambda-url.ap-northeast-1.on.aws")),
                Optional.of(SynthesizedShared.ACCOUNT_IN_TOKYO));
        template = synthesized.shared();
    }

    @Test
    void theCertificateIsInUsEast1AndTheSiteIsAnAliasInTheZone() {
        SiteCertificateStack certificateStack = synthesized.stacks().certificate().orElseThrow();
        assertThat(certificateStack.getRegion()).isEqualTo("us-east-1");
        Template.fromStack(certificateStack).hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "tickets.example.com",
                "ValidationMethod", "DNS",
                "DomainValidationOptions", List.of(Map.of("DomainName", "tickets.example.com", "HostedZoneId", "Z0123456789ABCDEFGHIJ"))));
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Aliases", List.of("tickets.example.com"),
                "ViewerCertificate", Match.objectLike(Map.of("MinimumProtocolVersion", "TLSv1.2_2021", "SslSupportMethod", "sni-only"))))));
        template.resourcePropertiesCountIs("AWS::Route53::RecordSet", Match.objectLike(Map.of(
                "Name", "tickets.example.com.", "HostedZoneId", "Z0123456789ABCDEFGHIJ", "AliasTarget", Match.anyValue())), 2);
        template.hasResourceProperties("AWS::SES::EmailIdentity", Map.of("EmailIdentity", "example.com"));
        template.hasOutput("SiteUrl", Map.of("Value", "https://tickets.example.com", "Export", Map.of("Name", "kippu-test-SiteUrl")));
    }

    @Test
    void theApiBehaviourSignsToTheFunctionUrlAndCarriesTheViewersTokenAside() {
        template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", Map.of("OriginAccessControlConfig", Match.objectLike(Map.of(
                "OriginAccessControlOriginType", "lambda", "SigningBehavior", "always", "SigningProtocol", "sigv4"))));
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "CacheBehaviors", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "PathPattern", "/graphql*",
                        "AllowedMethods", List.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"),
                        "CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                        "OriginRequestPolicyId", "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                        "ViewerProtocolPolicy", "https-only",
                        "FunctionAssociations", List.of(Match.objectLike(Map.of("EventType", "viewer-request"))))))),
                "Origins", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "DomainName", "abcdefghijklmnopqrstuvwxyz123456.lambda-url.ap-northeast-1.on.aws",
                        "OriginAccessControlId", Match.anyValue(),
                        "CustomOriginConfig", Match.objectLike(Map.of("OriginProtocolPolicy", "https-only"))))))))));
        template.hasResourceProperties("AWS::CloudFront::Function", Match.objectLike(Map.of(
                "FunctionCode", Match.stringLikeRegexp(".*x-kippu-authorization.*"))));
    }

    @Test
    void theHostedUiSignsInWithGoogleAndReturnsToTheSite() {
        template.hasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", Match.objectLike(Map.of(
                "ProviderName", "Google", "ProviderType", "Google",
                "ProviderDetails", Match.objectLike(Map.of("client_id", "1234.apps.googleusercontent.com",
                        "client_secret", "{{resolve:secretsmanager:kippu/google-client-secret:SecretString:::}}")))));
        template.hasResourceProperties("AWS::Cognito::UserPoolDomain", Map.of("Domain", "kippu-test-signin", "UserPoolId", Match.anyValue()));
        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Match.objectLike(Map.of(
                "AllowedOAuthFlows", List.of("code"),
                "CallbackURLs", List.of("https://tickets.example.com/auth/callback/", "http://localhost:3000/auth/callback/"),
                "SupportedIdentityProviders", List.of("COGNITO", "Google"))));
    }

    @Test
    void phoneNumbersAreVerifiedBySms() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Match.objectLike(Map.of(
                "AutoVerifiedAttributes", List.of("email", "phone_number"),
                "SmsConfiguration", Match.objectLike(Map.of("SnsCallerArn", Match.anyValue())))));
    }

    @Test
    void withoutDeletionProtectionTheDataGoesWithTheStack() {
        template.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Delete",
                "Properties", Match.objectLike(Map.of("DeletionProtectionEnabled", false))));
        template.hasResource("AWS::Cognito::UserPool", Map.of("DeletionPolicy", "Delete",
                "Properties", Match.objectLike(Map.of("DeletionProtection", "INACTIVE"))));
        template.allResources("AWS::S3::Bucket", Match.objectLike(Map.of("DeletionPolicy", "Delete")));
        template.resourceCountIs("Custom::S3AutoDeleteObjects", 4);
    }

    @Test
    void privateSubnetsReachTheServicesThroughEndpointsAndOneNat() {
        template.resourceCountIs("AWS::EC2::NatGateway", 1);
        for (String service : List.of("sqs", "email", "logs", "cognito-idp")) {
            template.hasResourceProperties("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
                    "VpcEndpointType", "Interface",
                    "PrivateDnsEnabled", true,
                    "ServiceName", "com.amazonaws.ap-northeast-1." + service)));
        }
    }

    @Test
    void alarmsReachSlackAndLine() {
        template.hasResourceProperties("AWS::Chatbot::SlackChannelConfiguration", Match.objectLike(Map.of(
                "SlackWorkspaceId", "T0123456789", "SlackChannelId", "C0123456789",
                "SnsTopicArns", List.of(Map.of("Ref", template.getResourceId("AWS::SNS::Topic"))))));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Runtime", "nodejs24.x", "Architectures", List.of("arm64"),
                "Environment", Map.of("Variables", Map.of("LINE_SECRET_NAME", "kippu/line")))));
        template.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of("Protocol", "lambda")));
        assertThat(template.findResources("AWS::IAM::Policy").toString())
                .contains("secretsmanager:GetSecretValue")
                .contains(":secret:kippu/line-??????");
    }

    @Test
    void cdkNagFindsNothingUnexplainedInEitherStack() {
        SynthesizedShared.assertNagClean(synthesized.stacks().shared());
        SynthesizedShared.assertNagClean(synthesized.stacks().certificate().orElseThrow());
    }

    @Test
    void anyOtherHttpsOriginIsNotSigned() {
        Template https = SynthesizedShared.of(Map.of("kippu:apiOrigin", "abc.execute-api.ap-northeast-1.amazonaws.com",
                "kippu:apiOriginType", "https"), Optional.empty()).shared();
        https.resourcePropertiesCountIs("AWS::CloudFront::OriginAccessControl",
                Map.of("OriginAccessControlConfig", Match.objectLike(Map.of("OriginAccessControlOriginType", "lambda"))), 0);
        https.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "CacheBehaviors", Match.arrayWith(List.of(Match.objectLike(Map.of("PathPattern", "/graphql*", "FunctionAssociations", Match.absent())))),
                "Origins", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "DomainName", "abc.execute-api.ap-northeast-1.amazonaws.com", "OriginAccessControlId", Match.absent()))))))));
    }

    @Test
    void aVpcOriginIsTheRuntimeStacksByIdWithNoPublicOriginBesideIt() {
        SynthesizedShared vpc = SynthesizedShared.of(Map.of("kippu:apiOrigin", "internal-kippu-api-123.ap-northeast-1.elb.amazonaws.com",
                "kippu:apiOriginType", "vpc", "kippu:apiVpcOriginId", "vo_0123456789abcdefghijkl"), Optional.empty());
        vpc.shared().hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "CacheBehaviors", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "PathPattern", "/graphql*",
                        "AllowedMethods", List.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"),
                        "CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                        "OriginRequestPolicyId", "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                        "ViewerProtocolPolicy", "https-only",
                        "FunctionAssociations", Match.absent())))),
                "Origins", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "DomainName", "internal-kippu-api-123.ap-northeast-1.elb.amazonaws.com",
                        "VpcOriginConfig", Map.of("VpcOriginId", "vo_0123456789abcdefghijkl", "OriginReadTimeout", 30),
                        "CustomOriginConfig", Match.absent(),
                        "OriginCustomHeaders", Match.absent(),
                        "OriginAccessControlId", Match.absent()))))))));
        // the runtime stack owns the VPC origin: this stack only refers to it
        vpc.shared().resourceCountIs("AWS::CloudFront::VpcOrigin", 0);
        vpc.shared().resourcePropertiesCountIs("AWS::CloudFront::OriginAccessControl",
                Map.of("OriginAccessControlConfig", Match.objectLike(Map.of("OriginAccessControlOriginType", "lambda"))), 0);
        SynthesizedShared.assertNagClean(vpc.stacks().shared());
    }

    @Test
    void aVpcOriginNeedsItsIdAndOnlyAVpcOriginHasOne() {
        App noId = App.Builder.create().context(Map.of("kippu:apiOrigin", "internal-kippu-api-123.ap-northeast-1.elb.amazonaws.com",
                "kippu:apiOriginType", "vpc")).build();
        assertThatThrownBy(() -> SharedSettings.from(new Context(noId.getNode()))).hasMessageContaining("kippu:apiVpcOriginId");
        App idWithoutVpc = App.Builder.create().context(Map.of("kippu:apiOrigin", "abc.execute-api.ap-northeast-1.amazonaws.com",
                "kippu:apiOriginType", "https", "kippu:apiVpcOriginId", "vo_0123456789abcdefghijkl")).build();
        assertThatThrownBy(() -> SharedSettings.from(new Context(idWithoutVpc.getNode()))).hasMessageContaining("kippu:apiOriginType=vpc");
        App plainHttp = App.Builder.create().context(Map.of("kippu:apiOrigin", "kippu-api-123.ap-northeast-1.elb.amazonaws.com",
                "kippu:apiOriginType", "http")).build();
        assertThatThrownBy(() -> SharedSettings.from(new Context(plainHttp.getNode()))).hasMessageContaining("lambda-url, https, vpc");
    }

    @Test
    void aCustomDomainNeedsTheAccountAndRegion() {
        App app = App.Builder.create().context(Map.of("kippu:domainName", "tickets.example.com", "kippu:hostedZoneId", "Z1",
                "kippu:hostedZoneName", "example.com")).build();
        assertThatThrownBy(() -> KippuSharedApp.stacks(app, SharedSettings.from(new Context(app.getNode())), Optional.empty()))
                .hasMessageContaining("account and region");
    }
}
