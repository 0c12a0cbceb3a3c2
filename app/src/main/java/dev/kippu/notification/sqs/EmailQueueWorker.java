package dev.kippu.notification.sqs;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.kippu.notification.EmailDelivery;
import dev.kippu.notification.EmailJob;
import dev.kippu.notification.NotificationProperties;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes the e-mail queue inside the service (Fargate, Knative, local). A delivered job is
 * deleted; a failed one becomes visible again after a back-off that grows with its receive count,
 * and after the queue's maximum receives it lands in the dead-letter queue.
 */
@Component
public class EmailQueueWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmailQueueWorker.class);
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final SqsClient sqs;
    private final EmailQueueUrl queue;
    private final EmailDelivery delivery;
    private final JsonMapper json;
    private final NotificationProperties properties;
    private volatile Thread loop;

    EmailQueueWorker(SqsClient sqs, EmailQueueUrl queue, EmailDelivery delivery, JsonMapper json, NotificationProperties properties) {
        this.sqs = sqs;
        this.queue = queue;
        this.delivery = delivery;
        this.json = json;
        this.properties = properties;
    }

    /** Receives once (long polling) and handles what arrived; returns how many messages that was. */
    public int pollOnce() {
        var messages = sqs.receiveMessage(r -> r.queueUrl(queue.get()).maxNumberOfMessages(10)
                .waitTimeSeconds((int) properties.waitTime().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        messages.forEach(this::handle);
        return messages.size();
    }

    private void handle(Message message) {
        try {
            EmailJob job = EmailJob.fromFields(json.readValue(message.body(), FIELDS));
            switch (delivery.deliver(job)) {
                case DONE -> sqs.deleteMessage(r -> r.queueUrl(queue.get()).receiptHandle(message.receiptHandle()));
                case BUSY -> retryAfter(message, Duration.ofSeconds(5));
            }
        } catch (RuntimeException e) {
            int receives = Integer.parseInt(message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
            Duration backOff = Duration.ofSeconds(Math.min(300, 1L << Math.min(receives, 8)));
            log.warn("E-mail job in message {} failed (receive {}), retrying in {}: {}", message.messageId(), receives, backOff, e.toString());
            retryAfter(message, backOff);
        }
    }

    private void retryAfter(Message message, Duration delay) {
        sqs.changeMessageVisibility(r -> r.queueUrl(queue.get()).receiptHandle(message.receiptHandle())
                .visibilityTimeout((int) delay.toSeconds()));
    }

    @Override
    public void start() {
        if (properties.workerEnabled()) {
            Thread thread = Thread.ofVirtual().name("email-worker").unstarted(this::run);
            loop = thread;
            thread.start();
        }
    }

    private void run() {
        while (loop == Thread.currentThread()) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                if (loop == Thread.currentThread()) {
                    log.warn("Receiving e-mail jobs failed; trying again: {}", e.toString());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    @Override
    public void stop() {
        Thread running = loop;
        loop = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(properties.waitTime().plusSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
