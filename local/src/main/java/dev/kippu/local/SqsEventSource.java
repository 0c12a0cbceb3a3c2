package dev.kippu.local;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lambda's event source mapping for an SQS queue, with {@code ReportBatchItemFailures}: it
 * long-polls the queue, invokes the function (behind a {@link LambdaStandIn}) with each batch as an
 * SQS event, and deletes the messages the function did not list in {@code batchItemFailures}. If the
 * invocation fails, the whole batch stays, to be received again after the visibility timeout. It
 * waits for the queue to exist, as a mapping waits for its queue to be created.
 */
public final class SqsEventSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqsEventSource.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SqsClient sqs;
    private final String queueName;
    private final LambdaStandIn function;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    private SqsEventSource(SqsClient sqs, String queueName, LambdaStandIn function, int batchSize) {
        this.sqs = sqs;
        this.queueName = queueName;
        this.function = function;
        this.batchSize = batchSize;
        this.poller = Thread.ofVirtual().name("sqs-event-source-" + queueName).start(this::run);
    }

    /** Starts polling {@code queueName} for {@code function}, up to {@code batchSize} messages an invocation. */
    public static SqsEventSource start(SqsClient sqs, String queueName, LambdaStandIn function, int batchSize) {
        return new SqsEventSource(sqs, queueName, function, batchSize);
    }

    @Override
    public void close() {
        running.set(false);
        try {
            poller.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        String queueUrl = awaitQueue();
        while (running.get() && queueUrl != null) {
            try {
                List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batchSize).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (!batch.isEmpty()) {
                    deliver(queueUrl, batch);
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    log.warn("The SQS event source for {} could not poll: {}", queueName, e.toString());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void deliver(String queueUrl, List<Message> batch) {
        Set<String> failed = new HashSet<>();
        switch (function.invoke(JSON.writeValueAsString(event(batch)))) {
            case LambdaStandIn.Outcome.Answered answered -> {
                JsonNode response = JSON.readTree(answered.payload());
                response.path("batchItemFailures").forEach(failure -> failed.add(failure.path("itemIdentifier").asString()));
            }
            case LambdaStandIn.Outcome.Failed error -> batch.forEach(message -> failed.add(message.messageId()));
            case LambdaStandIn.Outcome.TimedOut late -> batch.forEach(message -> failed.add(message.messageId()));
        }
        batch.stream().filter(message -> !failed.contains(message.messageId()))
                .forEach(message -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle())));
    }

    /** The event Lambda sends for a batch of SQS messages. */
    private ObjectNode event(List<Message> batch) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.putObject("messageAttributes");
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:" + queueName);
            record.put("awsRegion", "us-east-1");
        }
        return event;
    }

    private String awaitQueue() {
        while (running.get()) {
            try {
                return sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
            } catch (QueueDoesNotExistException notYet) {
                sleep(Duration.ofMillis(200));
            }
        }
        return null;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
