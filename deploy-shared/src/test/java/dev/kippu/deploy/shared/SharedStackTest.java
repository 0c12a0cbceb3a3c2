package dev.kippu.deploy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The shared stack with the defaults: what is in it, that it matches the application, and that cdk-nag finds nothing unexplained. */
class SharedStackTest {

    private static SynthesizedShared synthesized;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        synthesized = SynthesizedShared.of(Map.of(), Optional.empty());
        template = synthesized.shared();
    }

    @Test
    void theTableIsOnDemandWithRecoveryTimeToLiveAndDeletionProtection() {
        template.hasResource("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "TableName", "kippu",
                        "BillingMode", "PAY_PER_REQUEST",
                        "DeletionProtectionEnabled", true,
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                        "SSESpecification", Map.of("SSEEnabled", true),
                        "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
                        "KeySchema", List.of(Map.of("AttributeName", "PK", "KeyType", "HASH"), Map.of("AttributeName", "SK", "KeyType", "RANGE"))))));
    }

    /** The application's Index enum and KippuTable constants, read from its sources, against the template. */
    @Test
    void theTableHasExactlyTheKeysIndexesAndTimeToLiveTheApplicationUses() throws IOException {
        Path dynamo = Path.of(System.getProperty("kippu.appSources", "../app/src/main/java")).resolve("dev/kippu/platform/dynamo");
        String tableSource = Files.readString(dynamo.resolve("KippuTable.java"));
        assertThat(constant(tableSource, "PK")).isEqualTo(KippuTable.PARTITION_KEY);
        assertThat(constant(tableSource, "SK")).isEqualTo(KippuTable.SORT_KEY);
        assertThat(constant(tableSource, "EXPIRES_AT")).isEqualTo(KippuTable.TIME_TO_LIVE);

        Matcher constants = Pattern.compile("^\\s+[A-Z_]+\\(\"(\\w+)\", \"(\\w+)\", \"(\\w+)\"\\)[,;]", Pattern.MULTILINE)
                .matcher(Files.readString(dynamo.resolve("Index.java")));
        List<KippuTable.IndexKeys> applicationIndexes = constants.results()
                .map(match -> new KippuTable.IndexKeys(match.group(1), match.group(2), match.group(3))).toList();
        assertThat(applicationIndexes).hasSize(4).containsExactlyInAnyOrderElementsOf(KippuTable.INDEXES);

        Map<String, Object> table = template.findResources("AWS::DynamoDB::Table").values().iterator().next();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) ((Map<String, Object>) table.get("Properties")).get("GlobalSecondaryIndexes");
        assertThat(indexes).hasSize(applicationIndexes.size());
        for (KippuTable.IndexKeys index : applicationIndexes) {
            assertThat(indexes).contains(Map.of(
                    "IndexName", index.name(),
                    "KeySchema", List.of(Map.of("AttributeName", index.partitionKey(), "KeyType", "HASH"),
                            Map.of("AttributeName", index.sortKey(), "KeyType", "RANGE")),
                    "Projection", Map.of("ProjectionType", "ALL")));
        }
    }

    private static String constant(String source, String name) {
        Matcher matcher = Pattern.compile("static final String " + name + " = \"(\\w+)\";").matcher(source);
        assertThat(matcher.find()).as("app's KippuTable.%s", name).isTrue();
        return matcher.group(1);
    }

    @Test
    void everyBucketIsEncryptedPrivateAndSslOnly() {
        template.resourceCountIs("AWS::S3::Bucket", 4);
        template.allResourcesProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(
                        Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true))));
        template.resourceCountIs("AWS::S3::BucketPolicy", 4);
        template.allResourcesProperties("AWS::S3::BucketPolicy", Map.of(
                "Bucket", Match.anyValue(),
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Action", "s3:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
    }

    @Test
    void abandonedUploadsExpireAndBrowsersMayOnlyPutFromTheSite() {
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Map.of(
                        "Id", "expire-abandoned-uploads", "Status", "Enabled", "ExpirationInDays", 1,
                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1)))),
                "CorsConfiguration", Map.of("CorsRules", List.of(Match.objectLike(Map.of(
                        "AllowedMethods", List.of("PUT"),
                        "AllowedOrigins", List.of(Map.of("Fn::Join", List.of("", List.of("https://",
                                Map.of("Fn::GetAtt", List.of(distributionId(), "DomainName")))))))))))));
    }

    @Test
    void oneDistributionServesTheWebAndTheCoversThroughOriginAccessControlWithSecurityHeaders() {
        template.resourceCountIs("AWS::CloudFront::Distribution", 1);
        template.resourcePropertiesCountIs("AWS::CloudFront::OriginAccessControl",
                Map.of("OriginAccessControlConfig", Match.objectLike(Map.of("OriginAccessControlOriginType", "s3", "SigningBehavior", "always"))), 2);
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "DefaultRootObject", "index.html",
                "DefaultCacheBehavior", Match.objectLike(Map.of(
                        "ViewerProtocolPolicy", "redirect-to-https",
                        "FunctionAssociations", List.of(Match.objectLike(Map.of("EventType", "viewer-request"))))),
                "CacheBehaviors", List.of(Match.objectLike(Map.of("PathPattern", "/covers/*"))),
                "CustomErrorResponses", List.of(
                        Map.of("ErrorCode", 403, "ResponseCode", 404, "ResponsePagePath", "/404.html", "ErrorCachingMinTTL", 10),
                        Map.of("ErrorCode", 404, "ResponseCode", 404, "ResponsePagePath", "/404.html", "ErrorCachingMinTTL", 10)),
                "Logging", Match.objectLike(Map.of("Prefix", "cloudfront/")),
                "Origins", Match.arrayWith(List.of(Match.objectLike(Map.of("OriginAccessControlId", Match.anyValue()))))))));
        template.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", Map.of("ResponseHeadersPolicyConfig", Match.objectLike(Map.of(
                "SecurityHeadersConfig", Match.objectLike(Map.of(
                        "StrictTransportSecurity", Match.objectLike(Map.of("AccessControlMaxAgeSec", 63072000, "IncludeSubdomains", true)),
                        "ContentTypeOptions", Map.of("Override", true),
                        "FrameOptions", Map.of("FrameOption", "DENY", "Override", true),
                        "ContentSecurityPolicy", Match.objectLike(Map.of("ContentSecurityPolicy", Match.anyValue()))))))));
    }

    @Test
    void withoutARuntimeThereIsNoApiBehaviourYet() {
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "CacheBehaviors", List.of(Match.objectLike(Map.of("PathPattern", "/covers/*")))))));
        template.resourceCountIs("AWS::CloudFront::Function", 1);
    }

    @Test
    void theUserPoolVerifiesEmailHasTheOrganizersGroupAndOnePublicClient() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Match.objectLike(Map.of(
                "AutoVerifiedAttributes", List.of("email"),
                "UsernameAttributes", List.of("email"),
                "DeletionProtection", "ACTIVE",
                "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", false))));
        template.hasResourceProperties("AWS::Cognito::UserPoolGroup", Map.of("GroupName", "organizers", "UserPoolId", Match.anyValue(),
                "Description", Match.anyValue()));
        template.resourceCountIs("AWS::Cognito::UserPoolClient", 1);
        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Match.objectLike(Map.of(
                "GenerateSecret", false,
                "ExplicitAuthFlows", List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                "AllowedOAuthFlowsUserPoolClient", false,
                "SupportedIdentityProviders", List.of("COGNITO"))));
        template.resourceCountIs("AWS::Cognito::UserPoolDomain", 0);
    }

    @Test
    void theEmailQueueHidesAJobThirtySecondsAndDeadLettersItAfterFiveReceives() {
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", "kippu-emails",
                "VisibilityTimeout", 30,
                "MessageRetentionPeriod", 345600,
                "SqsManagedSseEnabled", true,
                "RedrivePolicy", Map.of("deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(template.getResourceId("AWS::SQS::Queue",
                        Map.of("Properties", Match.objectLike(Map.of("QueueName", "kippu-emails-dlq")))), "Arn")), "maxReceiveCount", 5)));
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible", "Threshold", 1, "AlarmActions", List.of(Map.of("Ref", topicId())))));
    }

    @Test
    void mailsComeFromTheSesIdentity() {
        template.hasResourceProperties("AWS::SES::EmailIdentity", Map.of("EmailIdentity", SharedSettings.PLACEHOLDER_SENDER));
        template.hasOutput("MailFrom", Map.of("Value", "Kippu <" + SharedSettings.PLACEHOLDER_SENDER + ">", "Export", Map.of("Name", "kippu-MailFrom")));
    }

    @Test
    void theVpcSpansTwoZonesWithFreeGatewayEndpointsAndNoNatNorInterfaceEndpoints() {
        template.resourceCountIs("AWS::EC2::VPC", 1);
        template.resourceCountIs("AWS::EC2::Subnet", 4);
        template.resourceCountIs("AWS::EC2::NatGateway", 0);
        template.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Gateway"), 2);
        template.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint", Map.of("VpcEndpointType", "Interface"), 0);
        template.hasResourceProperties("AWS::EC2::FlowLog", Match.objectLike(Map.of("LogDestinationType", "s3", "TrafficType", "REJECT")));
    }

    @Test
    void theAlarmTopicRequiresSsl() {
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", "kippu-alarms", "DisplayName", Match.anyValue()));
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
        template.resourceCountIs("AWS::Chatbot::SlackChannelConfiguration", 0);
        template.resourceCountIs("AWS::Lambda::Function", 0);
    }

    @Test
    void everyExportARuntimeImportsIsThereUnderItsName() {
        for (SharedExport export : SharedExport.values()) {
            template.hasOutput(export.outputName(), Map.of("Value", Match.anyValue(), "Export", Map.of("Name", "kippu-" + export.outputName())));
        }
        template.hasOutput("WebConfig", Match.objectLike(Map.of("Value", Match.anyValue())));
    }

    @Test
    void cdkNagFindsNothingUnexplained() {
        SynthesizedShared.assertNagClean(synthesized.stacks().shared());
    }

    private static String distributionId() {
        return template.getResourceId("AWS::CloudFront::Distribution");
    }

    private static String topicId() {
        return template.getResourceId("AWS::SNS::Topic");
    }
}
