package dev.kippu.notification.sqs;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import dev.kippu.notification.EmailJob;
import dev.kippu.notification.EmailQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Puts e-mail jobs on SQS as JSON, ten to a batch; fails if any entry was refused. */
@Component
class SqsEmailQueue implements EmailQueue {

    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final EmailQueueUrl queue;
    private final EmailMessages messages;

    SqsEmailQueue(SqsClient sqs, EmailQueueUrl queue, EmailMessages messages) {
        this.sqs = sqs;
        this.queue = queue;
        this.messages = messages;
    }

    @Override
    public void send(List<EmailJob> jobs) {
        for (int from = 0; from < jobs.size(); from += BATCH) {
            List<EmailJob> batch = jobs.subList(from, Math.min(from + BATCH, jobs.size()));
            List<SendMessageBatchRequestEntry> entries = IntStream.range(0, batch.size())
                    .mapToObj(i -> SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                            .messageBody(messages.body(batch.get(i))).build())
                    .toList();
            var response = sqs.sendMessageBatch(r -> r.queueUrl(queue.get()).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("SQS refused " + response.failed().size() + " e-mail jobs: " + response.failed().getFirst().message());
            }
        }
    }
}
