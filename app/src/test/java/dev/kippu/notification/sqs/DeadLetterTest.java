package dev.kippu.notification.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.kippu.notification.EmailComposer;
import dev.kippu.notification.EmailDelivery;
import dev.kippu.notification.EmailJob;
import dev.kippu.notification.EmailKind;
import dev.kippu.notification.Mailer;
import dev.kippu.notification.NotificationProperties;
import dev.kippu.notification.SentEmails;
import dev.kippu.platform.aws.AwsProperties;
import dev.kippu.support.ApiTest;
import dev.kippu.support.ShippedSettings;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/** A job that SES keeps refusing is retried with back-off, then parked in the dead-letter queue. */
@ApiTest
class DeadLetterTest {

    @Autowired
    SentEmails sent;

    @Autowired
    EmailComposer composer;

    @Autowired
    JsonMapper json;

    @Autowired
    SqsClient sqs;

    @Autowired
    AwsProperties aws;

    @Test
    void repeatedSesFailuresEndInTheDeadLetterQueue() throws Exception {
        String queueName = "kippu-emails-dlq-test-" + UUID.randomUUID().toString().substring(0, 8);
        // two receives instead of five, and the first retry after 1 s instead of 10 s: nothing else in the chain depends on them
        NotificationProperties properties = ShippedSettings.bind("kippu.notifications", NotificationProperties.class, Map.of(
                "kippu.notifications.queue-name", queueName, "kippu.notifications.create-queue", "true",
                "kippu.notifications.max-receives", "2", "kippu.notifications.retry-delay", "1s"));
        int[] attempts = {0};
        Mailer sesRefuses = email -> {
            attempts[0]++;
            throw new Mailer.Refused("SES refused the mail: Maximum sending rate exceeded.", null);
        };

        EmailQueueUrl queue = new EmailQueueUrl(sqs, properties);
        EmailQueueWorker worker = new EmailQueueWorker(sqs, queue, new EmailMessages(new EmailDelivery(sent, composer, sesRefuses, properties), json), properties,
                aws, Clock.systemUTC(), Duration.ofSeconds(30));
        EmailJob job = new EmailJob(UUID.randomUUID() + "-REMINDER", EmailKind.REMINDER, "b", 1, "refused@example.test", "R",
                Locale.ENGLISH, "Refused", "Hall", Instant.now().plus(1, ChronoUnit.DAYS), null);
        sqs.sendMessage(r -> r.queueUrl(queue.get()).messageBody(json.writeValueAsString(job.fields())));

        String deadLetters = sqs.getQueueUrl(r -> r.queueName(queueName + "-dlq")).queueUrl();
        Instant deadline = Instant.now().plusSeconds(30);
        int parked = 0;
        while (parked == 0 && Instant.now().isBefore(deadline)) {
            worker.pollOnce();
            parked = sqs.receiveMessage(r -> r.queueUrl(deadLetters).visibilityTimeout(0)).messages().size();
        }

        assertThat(parked).as("in the dead-letter queue").isEqualTo(1);
        assertThat(attempts[0]).as("tried once per receive").isEqualTo(2);
        assertThat(sent.claim(job.id(), Duration.ofSeconds(1))).as("no claim left behind").isInstanceOf(SentEmails.Claim.Claimed.class);
    }
}
