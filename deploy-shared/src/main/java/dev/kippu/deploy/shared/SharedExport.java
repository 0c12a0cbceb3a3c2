package dev.kippu.deploy.shared;

import java.util.List;

import software.amazon.awscdk.Fn;

/**
 * The shared stack's outputs that runtime stacks import, each exported as {@code <prefix>-<name>}
 * (CloudFormation refuses to delete an export while a stack imports it, so the shared stack outlives
 * the runtimes). Runtime stacks read them with {@link #importValue} and {@link #importList}.
 */
public enum SharedExport {
    TABLE_NAME("TableName"),
    TABLE_ARN("TableArn"),
    EMAIL_QUEUE_NAME("EmailQueueName"),
    EMAIL_QUEUE_ARN("EmailQueueArn"),
    UPLOADS_BUCKET_NAME("UploadsBucketName"),
    UPLOADS_BUCKET_ARN("UploadsBucketArn"),
    MEDIA_BUCKET_NAME("MediaBucketName"),
    MEDIA_BUCKET_ARN("MediaBucketArn"),
    /** Where published covers are served: the site's URL (covers are under {@code /covers/}). */
    MEDIA_BASE_URL("MediaBaseUrl"),
    SITE_URL("SiteUrl"),
    DISTRIBUTION_ID("DistributionId"),
    USER_POOL_ID("UserPoolId"),
    USER_POOL_ARN("UserPoolArn"),
    WEB_CLIENT_ID("WebClientId"),
    /** The sender of the application's mails, {@code Kippu <address>} (app: KIPPU_MAIL_FROM). */
    MAIL_FROM("MailFrom"),
    MAIL_IDENTITY_ARN("MailIdentityArn"),
    ALARM_TOPIC_ARN("AlarmTopicArn"),
    VPC_ID("VpcId"),
    /** The private subnets runtimes run in, comma-separated, one per zone. */
    PRIVATE_SUBNET_IDS("PrivateSubnetIds"),
    RUNTIME_SECURITY_GROUP_ID("RuntimeSecurityGroupId");

    /** Every VPC of the shared stack has at least this many zones, so at least this many private subnets. */
    public static final int MIN_AZS = 2;

    private final String outputName;

    SharedExport(String outputName) {
        this.outputName = outputName;
    }

    public String outputName() {
        return outputName;
    }

    public String exportName(String prefix) {
        return prefix + "-" + outputName;
    }

    /** The value, resolved by CloudFormation when the importing stack deploys. */
    public String importValue(String prefix) {
        return Fn.importValue(exportName(prefix));
    }

    /** The first {@code count} items of a comma-separated export (such as the private subnets). */
    public List<String> importList(String prefix, int count) {
        return Fn.split(",", importValue(prefix), count);
    }
}
