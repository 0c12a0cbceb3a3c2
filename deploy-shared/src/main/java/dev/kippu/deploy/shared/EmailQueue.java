package dev.kippu.deploy.shared;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The queue of e-mail jobs and its dead-letter queue, as the application expects them (app:
 * {@code NotificationProperties}: a job is hidden 30 s while one worker handles it, and moves to the
 * dead-letter queue after 5 receives). Encrypted by SQS, SSL only.
 */
public class EmailQueue extends Construct {

    /** app: kippu.notifications.visibility-timeout; an SQS-triggered function's timeout must not exceed it. */
    public static final Duration VISIBILITY_TIMEOUT = Duration.seconds(30);
    /** app: kippu.notifications.max-receives */
    public static final int MAX_RECEIVES = 5;

    private final Queue queue;
    private final Queue deadLetters;

    public EmailQueue(Construct scope, String id, Props props) {
        super(scope, id);
        deadLetters = Queue.Builder.create(this, "DeadLetters")
                .queueName(props.queueName() + "-dlq")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        queue = Queue.Builder.create(this, "Queue")
                .queueName(props.queueName())
                .visibilityTimeout(VISIBILITY_TIMEOUT)
                .retentionPeriod(Duration.days(4))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_RECEIVES).build())
                .build();
    }

    public Queue queue() {
        return queue;
    }

    public Queue deadLetters() {
        return deadLetters;
    }

    /** @param queueName the queue's name, which the application gets as {@code KIPPU_EMAIL_QUEUE}; the dead letters' is {@code <name>-dlq} */
    public record Props(String queueName) {
    }
}
