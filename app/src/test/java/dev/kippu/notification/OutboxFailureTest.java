package dev.kippu.notification;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.SentMail;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.notification.sqs.EmailQueueWorker;
import dev.kippu.support.ApiTest;

/**
 * A committed booking never loses its e-mail, whatever fails after the commit. The relay and the
 * worker are driven by hand here, on a table and a queue of this test's own (so that no other
 * test's application relays or sends this test's jobs).
 */
@ApiTest
@TestPropertySource(properties = {
        "kippu.notifications.loops=false",
        "kippu.notifications.queue-name=kippu-emails-failure-test",
        "kippu.dynamodb.table-name=kippu-failure-test"})
class OutboxFailureTest {

    @LocalServerPort
    int port;

    @Autowired
    PendingEmails pending;

    @Autowired
    EmailQueue queue;

    @Autowired
    NotificationProperties properties;

    @Autowired
    EmailQueueWorker worker;

    @Test
    void theEMailSurvivesARelayAndAWorkerThatDie() throws Exception {
        TestUser organizer = TestUsers.organizer();
        TestUser buyer = TestUsers.attendee();
        String eventId = published(KippuApi.onLocalPort(port).as(organizer), 10);
        KippuApi.onLocalPort(port).as(buyer).documentName("bookSeats").variable("input", booking(eventId, 1)).execute()
                .path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
        assertThat(jobsFor(buyer)).hasSize(1);

        OutboxRelay queueDown = new OutboxRelay(pending, jobs -> {
            throw new IllegalStateException("SQS is unreachable");
        }, properties);
        assertThatThrownBy(queueDown::drain).hasMessageContaining("unreachable");
        assertThat(jobsFor(buyer)).as("still in the outbox").hasSize(1);

        PendingEmails diesBeforeRemoving = new PendingEmails() {
            @Override
            public List<EmailJob> oldest(int limit) {
                return pending.oldest(limit);
            }

            @Override
            public void remove(List<EmailJob> jobs) {
                throw new IllegalStateException("relay killed after sending");
            }
        };
        assertThatThrownBy(new OutboxRelay(diesBeforeRemoving, queue, properties)::drain).hasMessageContaining("killed");
        assertThat(jobsFor(buyer)).as("sent, but still in the outbox").hasSize(1);

        new OutboxRelay(pending, queue, properties).drain();
        assertThat(jobsFor(buyer)).isEmpty();

        var sqs = KippuStandIns.shared().sqs();
        String queueUrl = sqs.getQueueUrl(r -> r.queueName("kippu-emails-failure-test")).queueUrl();
        assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).visibilityTimeout(1).waitTimeSeconds(1)).messages())
                .as("a worker received both copies, then died before sending").hasSize(2);
        assertThat(SentMail.to(buyer.email())).isEmpty();

        Thread.sleep(1_500);
        for (int polls = 0; polls < 5 && SentMail.to(buyer.email()).isEmpty(); polls++) {
            worker.pollOnce();
        }
        worker.pollOnce();
        assertThat(SentMail.await(mail -> mail.to().contains(buyer.email()), 1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)).messages()).as("queue emptied").isEmpty();
    }

    private List<EmailJob> jobsFor(TestUser user) {
        return pending.oldest(1000).stream().filter(job -> user.email().equals(job.recipientEmail())).toList();
    }
}
