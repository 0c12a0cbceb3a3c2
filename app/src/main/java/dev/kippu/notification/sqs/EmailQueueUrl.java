package dev.kippu.notification.sqs;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.kippu.notification.NotificationProperties;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The e-mail queue's URL, looked up once. For local runs and tests ({@code create-queue}) it also
 * creates the queue with a dead-letter queue after {@code max-receives}; in AWS both come from
 * infrastructure code.
 */
@Component
class EmailQueueUrl {

    private final SqsClient sqs;
    private final NotificationProperties properties;
    private volatile String url;

    EmailQueueUrl(SqsClient sqs, NotificationProperties properties) {
        this.sqs = sqs;
        this.properties = properties;
    }

    String get() {
        String known = url;
        if (known == null) {
            known = properties.createQueue() ? create() : sqs.getQueueUrl(r -> r.queueName(properties.queueName())).queueUrl();
            url = known;
        }
        return known;
    }

    private String create() {
        String deadLetters = sqs.createQueue(r -> r.queueName(properties.queueName() + "-dlq")).queueUrl();
        String deadLettersArn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetters).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return sqs.createQueue(r -> r.queueName(properties.queueName()).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(properties.visibilityTimeout().toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLettersArn + "\",\"maxReceiveCount\":\""
                        + properties.maxReceives() + "\"}"))).queueUrl();
    }
}
