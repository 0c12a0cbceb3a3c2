package dev.kippu.deploy.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.AaaaRecord;
import software.amazon.awscdk.services.route53.IPublicHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZoneAttributes;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.CloudFrontTarget;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.Identity;
import software.constructs.Construct;

/**
 * What every runtime shares (see the constructs), and the exports ({@link SharedExport}) that runtime
 * stacks import. The site's {@code WebConfig} output is the web's {@code config.json}.
 */
public class SharedStack extends Stack {


    public SharedStack(Construct scope, String id, StackProps stackProps, SharedSettings settings, Optional<ICertificate> certificate) {
        super(scope, id, stackProps);
        String prefix = settings.prefix();
        boolean retain = settings.deletionProtection();

        KippuTable table = new KippuTable(this, "Data", new KippuTable.Props(prefix, retain));
        String uploadsBucketName = prefix + "-uploads-" + Aws.ACCOUNT_ID + "-" + Aws.REGION;
        FileBuckets buckets = new FileBuckets(this, "Files", new FileBuckets.Props(uploadsBucketName, retain));
        EmailQueue emails = new EmailQueue(this, "Emails", new EmailQueue.Props(prefix + "-emails"));
        OperatorAlarms alarms = new OperatorAlarms(this, "Operators", new OperatorAlarms.Props(prefix + "-alarms", settings.slack(), settings.lineSecretName()));
        RuntimeNetwork network = new RuntimeNetwork(this, "Network", new RuntimeNetwork.Props(
                settings.maxAzs(), settings.natGateways(), settings.interfaceEndpoints(), buckets.accessLogs()));

        Optional<WebDistribution.DomainCertificate> siteDomain = settings.domain()
                .map(domain -> new WebDistribution.DomainCertificate(domain.name(), certificate.orElseThrow(
                        () -> new IllegalArgumentException("a custom domain needs its certificate (SiteCertificateStack)"))));
        String cognitoEndpoint = "https://cognito-idp." + Aws.REGION + ".amazonaws.com";
        WebDistribution web = new WebDistribution(this, "Web", new WebDistribution.Props(buckets.web(), buckets.media(), buckets.accessLogs(),
                settings.api(), siteDomain, List.of(cognitoEndpoint, "https://*.amazoncognito.com",
                "https://" + uploadsBucketName + ".s3." + Aws.REGION + ".amazonaws.com")));
        String siteUrl = web.siteUrl(settings.domain());
        List<String> webOrigins = new ArrayList<>(List.of(siteUrl));
        webOrigins.addAll(settings.extraWebOrigins());
        buckets.allowBrowserUploadsFrom(webOrigins);

        KippuUserPool users = new KippuUserPool(this, "Users", new KippuUserPool.Props(prefix, settings.phoneVerification(), settings.google(), webOrigins, retain));

        Optional<IPublicHostedZone> zone = settings.domain().map(domain -> PublicHostedZone.fromPublicHostedZoneAttributes(this, "Zone",
                PublicHostedZoneAttributes.builder().hostedZoneId(domain.zoneId()).zoneName(domain.zoneName()).build()));
        settings.domain().ifPresent(domain -> {
            RecordTarget target = RecordTarget.fromAlias(new CloudFrontTarget(web.distribution()));
            ARecord.Builder.create(this, "SiteAlias").zone(zone.orElseThrow()).recordName(domain.name()).target(target).build();
            AaaaRecord.Builder.create(this, "SiteAliasIpv6").zone(zone.orElseThrow()).recordName(domain.name()).target(target).build();
        });
        EmailIdentity mailIdentity = EmailIdentity.Builder.create(this, "MailIdentity")
                .identity(zone.map(Identity::publicHostedZone).orElseGet(() -> Identity.email(settings.senderAddress())))
                .build();
        if (settings.senderAddress().equals(SharedSettings.PLACEHOLDER_SENDER)) {
            Annotations.of(this).addWarningV2("kippu:senderAddress",
                    "No kippu:senderAddress (and no kippu:domainName): mails come from " + SharedSettings.PLACEHOLDER_SENDER + ", which SES cannot verify");
        }

        Alarm.Builder.create(this, "EmailDeadLetters")
                .alarmDescription("E-mail jobs landed in the dead-letter queue: they were not sent after " + EmailQueue.MAX_RECEIVES + " attempts")
                .metric(emails.deadLetters().metricApproximateNumberOfMessagesVisible(MetricOptions.builder().period(Duration.minutes(5)).build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(new SnsAction(alarms.topic()));

        Map<SharedExport, String> exports = new LinkedHashMap<>();
        exports.put(SharedExport.TABLE_NAME, table.table().getTableName());
        exports.put(SharedExport.TABLE_ARN, table.table().getTableArn());
        exports.put(SharedExport.EMAIL_QUEUE_NAME, emails.queue().getQueueName());
        exports.put(SharedExport.EMAIL_QUEUE_ARN, emails.queue().getQueueArn());
        exports.put(SharedExport.UPLOADS_BUCKET_NAME, buckets.uploads().getBucketName());
        exports.put(SharedExport.UPLOADS_BUCKET_ARN, buckets.uploads().getBucketArn());
        exports.put(SharedExport.MEDIA_BUCKET_NAME, buckets.media().getBucketName());
        exports.put(SharedExport.MEDIA_BUCKET_ARN, buckets.media().getBucketArn());
        exports.put(SharedExport.MEDIA_BASE_URL, siteUrl);
        exports.put(SharedExport.SITE_URL, siteUrl);
        exports.put(SharedExport.DISTRIBUTION_ID, web.distribution().getDistributionId());
        exports.put(SharedExport.USER_POOL_ID, users.pool().getUserPoolId());
        exports.put(SharedExport.USER_POOL_ARN, users.pool().getUserPoolArn());
        exports.put(SharedExport.WEB_CLIENT_ID, users.webClient().getUserPoolClientId());
        exports.put(SharedExport.MAIL_FROM, "Kippu <" + settings.senderAddress() + ">");
        exports.put(SharedExport.MAIL_IDENTITY_ARN, mailIdentity.getEmailIdentityArn());
        exports.put(SharedExport.ALARM_TOPIC_ARN, alarms.topic().getTopicArn());
        exports.put(SharedExport.VPC_ID, network.vpc().getVpcId());
        exports.put(SharedExport.PRIVATE_SUBNET_IDS, Fn.join(",", network.runtimeSubnets().stream().map(ISubnet::getSubnetId).toList()));
        exports.put(SharedExport.RUNTIME_SECURITY_GROUP_ID, network.runtimeSecurityGroup().getSecurityGroupId());
        exports.forEach((export, value) -> CfnOutput.Builder.create(this, export.outputName())
                .value(value)
                .exportName(export.exportName(prefix))
                .build());

        Map<String, Object> webConfig = new LinkedHashMap<>();
        webConfig.put("region", Aws.REGION);
        webConfig.put("userPoolId", users.pool().getUserPoolId());
        webConfig.put("userPoolClientId", users.webClient().getUserPoolClientId());
        webConfig.put("graphqlUrl", "/graphql");
        webConfig.put("live", "poll");
        users.hostedUiUrl().ifPresent(url -> webConfig.put("hostedUiUrl", url));
        CfnOutput.Builder.create(this, "WebConfig")
                .description("The web's config.json: upload it to the web bucket's root (Cache-Control: no-cache)")
                .value(toJsonString(webConfig))
                .build();
        CfnOutput.Builder.create(this, "WebBucketName").value(buckets.web().getBucketName()).build();
    }
}
