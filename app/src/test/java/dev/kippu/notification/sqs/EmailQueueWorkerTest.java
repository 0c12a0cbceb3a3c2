package dev.kippu.notification.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;

import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.SentMail;
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

/**
 * The worker with the shipped settings, on queues of its own in the SQS stand-in, through the
 * application's own SQS client (its timeouts are the shipped ones): idle long polls, a worker that
 * dies holding a job, a job held elsewhere, failures inside a batch, shutdown in mid-poll. These
 * wait out real visibility timeouts and leases, so they run side by side.
 */
@ApiTest
@Execution(ExecutionMode.CONCURRENT)
class EmailQueueWorkerTest {

    @Autowired
    SqsClient sqs;

    @Autowired
    AwsProperties aws;

    @Autowired
    SentEmails sent;

    @Autowired
    EmailComposer composer;

    @Autowired
    Mailer mailer;

    @Autowired
    JsonMapper json;

    @Test
    void anIdleWorkerLongPollsForAMinuteWithoutTimeoutsAndTakesAJobAtOnce() throws Exception {
        Worker worker = worker(new InterceptedSqs(sqs));
        List<Duration> polls = new ArrayList<>();
        Instant end = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(end)) {
            Instant start = Instant.now();
            assertThat(worker.worker.pollOnce()).isZero(); // throws if the client gave up on the long poll
            polls.add(Duration.between(start, Instant.now()));
        }
        Duration wait = worker.properties.waitTime();
        assertThat(polls).as("each receive waited its full %s", wait).allSatisfy(poll -> assertThat(poll)
                .isBetween(wait.minusMillis(500), wait.plus(EmailQueueWorker.RESPONSE_MARGIN)));

        CompletableFuture<Integer> polling = CompletableFuture.supplyAsync(worker.worker::pollOnce);
        Thread.sleep(2_000);
        EmailJob job = worker.send();
        assertThat(polling.get(3, TimeUnit.SECONDS)).as("the receive under way took the job").isEqualTo(1);
        assertThat(SentMail.await(mail -> mail.to().contains(job.recipientEmail()), 1, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void aJobWhoseWorkerDiedAfterClaimingItIsSentOnceAtItsNextDelivery() throws Exception {
        Worker worker = worker(new InterceptedSqs(sqs));
        EmailJob job = worker.send();
        assertThat(sqs.receiveMessage(r -> r.queueUrl(worker.queueUrl()).waitTimeSeconds(5)
                .visibilityTimeout((int) worker.properties.visibilityTimeout().toSeconds())).messages()).hasSize(1);
        assertThat(sent.claim(job.id(), worker.properties.claimLease())).isInstanceOf(SentEmails.Claim.Claimed.class);
        // ... and the worker that received and claimed it dies here

        worker.worker.start();
        try {
            Duration patience = worker.properties.visibilityTimeout().plusSeconds(15);
            assertThat(SentMail.await(mail -> mail.to().contains(job.recipientEmail()), 1, patience)).hasSize(1);
            Thread.sleep(2_000);
        } finally {
            worker.worker.stop();
        }
        assertThat(SentMail.to(job.recipientEmail())).as("sent once").hasSize(1);
        assertThat(worker.sqs.received).as("the live worker received it once").hasValue(1);
        assertThat(worker.messagesLeft()).as("nothing left in the queue").isZero();
        assertThat(worker.deadLetters()).as("nothing dead-lettered").isZero();
    }

    @Test
    void aJobHeldByAnotherWorkerWaitsOutItsClaimInsteadOfSpendingReceives() throws Exception {
        Worker worker = worker(new InterceptedSqs(sqs));
        EmailJob job = worker.job();
        Duration othersLease = Duration.ofSeconds(12);
        assertThat(sent.claim(job.id(), othersLease)).isInstanceOf(SentEmails.Claim.Claimed.class); // and that worker dies
        Instant claimed = Instant.now();
        worker.send(job);

        worker.worker.start();
        try {
            assertThat(SentMail.await(mail -> mail.to().contains(job.recipientEmail()), 1, othersLease.plusSeconds(10))).hasSize(1);
        } finally {
            worker.worker.stop();
        }
        assertThat(Duration.between(claimed, Instant.now())).as("not before the claim ended").isGreaterThanOrEqualTo(othersLease);
        assertThat(worker.sqs.received).as("one receive found it held, the next sent it").hasValue(2);
        assertThat(worker.deadLetters()).isZero();
    }

    @Test
    void whatFailsForOneJobLeavesTheRestOfItsBatchAlone() throws Exception {
        AtomicBoolean firstDelete = new AtomicBoolean(true);
        InterceptedSqs failing = new InterceptedSqs(sqs, delete -> firstDelete.getAndSet(false), hide -> true);
        Worker worker = worker(failing);
        EmailJob held = worker.job();
        sent.claim(held.id(), Duration.ofSeconds(60)); // to be hidden until this claim ends: hiding fails
        worker.send(held);
        List<EmailJob> others = List.of(worker.send(), worker.send(), worker.send()); // the first delete fails

        for (int polls = 0; polls < 5 && failing.received.get() < 4; polls++) {
            worker.worker.pollOnce();
        }

        assertThat(failing.received).hasValue(4);
        for (EmailJob other : others) {
            assertThat(SentMail.await(mail -> mail.to().contains(other.recipientEmail()), 1, Duration.ofSeconds(5))).hasSize(1);
        }
        assertThat(SentMail.to(held.recipientEmail())).isEmpty();
        assertThat(firstDelete).as("a delete did fail").isFalse();
    }

    @Test
    void stoppingInMidPollLetsTheReceiveFinishSoThatItHidesNoJob() throws Exception {
        Worker worker = worker(new InterceptedSqs(sqs));
        worker.worker.start();
        Thread.sleep(2_000);
        Instant stopping = Instant.now();
        worker.worker.stop();
        assertThat(Duration.between(stopping, Instant.now())).isLessThan(worker.properties.waitTime().plus(EmailQueueWorker.RESPONSE_MARGIN));

        worker.send();
        assertThat(sqs.receiveMessage(r -> r.queueUrl(worker.queueUrl()).waitTimeSeconds(2)).messages())
                .as("no abandoned receive took it").hasSize(1);
    }

    private Worker worker(InterceptedSqs client) {
        String queueName = "kippu-emails-worker-test-" + UUID.randomUUID().toString().substring(0, 8);
        NotificationProperties properties = ShippedSettings.bind("kippu.notifications", NotificationProperties.class,
                Map.of("kippu.notifications.queue-name", queueName, "kippu.notifications.create-queue", "true"));
        EmailQueueUrl queue = new EmailQueueUrl(client, properties);
        EmailQueueWorker worker = new EmailQueueWorker(client, queue, new EmailMessages(new EmailDelivery(sent, composer, mailer, properties), json), properties,
                aws, Clock.systemUTC(), Duration.ofSeconds(30));
        return new Worker(worker, client, queue, properties, json);
    }

    private record Worker(EmailQueueWorker worker, InterceptedSqs sqs, EmailQueueUrl queue, NotificationProperties properties, JsonMapper json) {

        String queueUrl() {
            return queue.get();
        }

        EmailJob job() {
            String recipient = "worker-" + UUID.randomUUID() + "@example.test";
            return new EmailJob(UUID.randomUUID() + "-BOOKING_CONFIRMED", EmailKind.BOOKING_CONFIRMED, "b", 1, recipient, "Worker",
                    Locale.ENGLISH, "Worker test", "Hall", Instant.now().plus(1, ChronoUnit.DAYS), null);
        }

        EmailJob send() {
            return send(job());
        }

        EmailJob send(EmailJob job) {
            String body = json.writeValueAsString(job.fields());
            sqs.sendMessage(r -> r.queueUrl(queueUrl()).messageBody(body));
            return job;
        }

        int messagesLeft() {
            return KippuStandIns.shared().messagesIn(properties.queueName());
        }

        int deadLetters() {
            return KippuStandIns.shared().messagesIn(properties.queueName() + "-dlq");
        }
    }
}
