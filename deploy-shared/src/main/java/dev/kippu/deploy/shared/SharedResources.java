package dev.kippu.deploy.shared;

import java.util.Map;

import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueAttributes;
import software.constructs.Construct;

/** What a runtime stack uses of the shared stack, imported by export name ({@link SharedExport}). */
public record SharedResources(
        String tableName,
        String tableArn,
        IQueue emailQueue,
        String uploadsBucketName,
        String uploadsBucketArn,
        String mediaBucketName,
        String mediaBucketArn,
        String mediaBaseUrl,
        String siteUrl,
        String distributionId,
        String userPoolId,
        String userPoolArn,
        String webClientId,
        String mailFrom,
        String mailIdentityArn,
        ITopic alarmTopic) {

    public static SharedResources imported(Construct scope, String prefix) {
        return new SharedResources(
                SharedExport.TABLE_NAME.importValue(prefix),
                SharedExport.TABLE_ARN.importValue(prefix),
                Queue.fromQueueAttributes(scope, "EmailQueue", QueueAttributes.builder()
                        .queueArn(SharedExport.EMAIL_QUEUE_ARN.importValue(prefix))
                        .queueName(SharedExport.EMAIL_QUEUE_NAME.importValue(prefix))
                        .build()),
                SharedExport.UPLOADS_BUCKET_NAME.importValue(prefix),
                SharedExport.UPLOADS_BUCKET_ARN.importValue(prefix),
                SharedExport.MEDIA_BUCKET_NAME.importValue(prefix),
                SharedExport.MEDIA_BUCKET_ARN.importValue(prefix),
                SharedExport.MEDIA_BASE_URL.importValue(prefix),
                SharedExport.SITE_URL.importValue(prefix),
                SharedExport.DISTRIBUTION_ID.importValue(prefix),
                SharedExport.USER_POOL_ID.importValue(prefix),
                SharedExport.USER_POOL_ARN.importValue(prefix),
                SharedExport.WEB_CLIENT_ID.importValue(prefix),
                SharedExport.MAIL_FROM.importValue(prefix),
                SharedExport.MAIL_IDENTITY_ARN.importValue(prefix),
                Topic.fromTopicArn(scope, "AlarmTopic", SharedExport.ALARM_TOPIC_ARN.importValue(prefix)));
    }

    /**
     * The application's settings (README's table) that every runtime gives it: these resources, and
     * the cloud profile. A runtime adds what only it knows (region, credentials, port).
     */
    public Map<String, String> applicationEnvironment() {
        return Map.of(
                "KIPPU_TABLE", tableName,
                "KIPPU_EMAIL_QUEUE", emailQueue.getQueueName(),
                "KIPPU_MAIL_FROM", mailFrom,
                "KIPPU_USER_POOL_ID", userPoolId,
                "KIPPU_CLIENT_IDS", webClientId,
                "KIPPU_UPLOADS_BUCKET", uploadsBucketName,
                "KIPPU_MEDIA_BUCKET", mediaBucketName,
                "KIPPU_MEDIA_BASE_URL", mediaBaseUrl,
                "SPRING_PROFILES_ACTIVE", "prod");
    }
}
