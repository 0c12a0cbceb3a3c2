package dev.kippu.notification.sqs;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.kippu.notification.EmailDelivery;
import dev.kippu.notification.EmailJob;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail job messages: their body (the job's fields as JSON), and what receiving one does. Whatever
 * delivers the message calls {@link #handle}: the in-service SQS poller ({@link EmailQueueWorker})
 * or a runtime's SQS trigger (a Lambda handler reporting batch item failures), then settles the
 * message by the outcome.
 */
@Component
public class EmailMessages {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final EmailDelivery delivery;
    private final JsonMapper json;

    EmailMessages(EmailDelivery delivery, JsonMapper json) {
        this.delivery = delivery;
        this.json = json;
    }

    public String body(EmailJob job) {
        return json.writeValueAsString(job.fields());
    }

    /** Delivers the job in a message body; never throws: a failure is an outcome too. */
    public Outcome handle(String body) {
        try {
            return switch (delivery.deliver(EmailJob.fromFields(json.readValue(body, FIELDS)))) {
                case EmailDelivery.Outcome.Done _ -> new Outcome.Sent();
                case EmailDelivery.Outcome.HeldElsewhere held -> new Outcome.Busy(held.until());
            };
        } catch (RuntimeException e) {
            return new Outcome.Failed(e);
        }
    }

    public sealed interface Outcome {

        /** Sent now or before: delete the message. */
        record Sent() implements Outcome {
        }

        /** Another worker is sending it: deliver it again after {@code until}. */
        record Busy(Instant until) implements Outcome {
        }

        /** Not sent (a bad body, a refusal, an unknown outcome): deliver it again after a back-off. */
        record Failed(RuntimeException cause) implements Outcome {
        }
    }
}
