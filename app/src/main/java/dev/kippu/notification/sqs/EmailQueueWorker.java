package dev.kippu.notification.sqs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.kippu.notification.NotificationProperties;
import dev.kippu.platform.aws.AwsProperties;
import dev.kippu.platform.timeouts.Nesting;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Consumes the e-mail queue inside the service (Fargate, Knative, local); each job goes to
 * {@link EmailMessages}, as from any other trigger. Each receive is a long poll that the client
 * lets run its course: a receive the client abandons stays open at the queue and would hide the
 * next job from everyone. The jobs of a batch are handled side by side, each on its own: a
 * delivered job is deleted, one that another worker holds is hidden until that claim ends, a
 * failed one comes back after a back-off that doubles with its receives, and after the queue's
 * maximum receives it lands in the dead-letter queue. Whatever fails for one job (even deleting it
 * or hiding it) leaves the others alone.
 */
@Component
public class EmailQueueWorker implements SmartLifecycle {

    /** How much longer than its wait a long poll may take to answer before the client gives up on it. */
    static final Duration RESPONSE_MARGIN = Duration.ofSeconds(5);
    /** Longest wait SQS allows for one receive. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(20);
    /** Longest visibility timeout SQS allows. */
    static final Duration LONGEST_HIDING = Duration.ofHours(12);
    /** Allowance for the clocks of two instances when a job is hidden until another's claim ends. */
    static final Duration CLOCK_MARGIN = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(EmailQueueWorker.class);

    private final SqsClient sqs;
    private final EmailQueueUrl queue;
    private final EmailMessages messages;
    private final NotificationProperties properties;
    private final Clock clock;
    private volatile Thread loop;

    EmailQueueWorker(SqsClient sqs, EmailQueueUrl queue, EmailMessages messages, NotificationProperties properties,
                     AwsProperties aws, Clock clock, @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration shutdownPhase) {
        Nesting.require(timeouts(properties, aws, shutdownPhase));
        this.sqs = sqs;
        this.queue = queue;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** The times that must fit inside each other for a job to be sent once, soon, and never dead-lettered while it could be sent. */
    static List<Nesting> timeouts(NotificationProperties properties, AwsProperties aws, Duration shutdownPhase) {
        Duration longPoll = longPoll(properties);
        String longPollName = "kippu.notifications.wait-time + " + Nesting.format(RESPONSE_MARGIN);
        return List.of(
                Nesting.atMost("kippu.notifications.wait-time", properties.waitTime(), "SQS's longest wait", LONGEST_WAIT,
                        "SQS refuses the receive"),
                Nesting.shorter(longPollName, longPoll, "kippu.aws.socket-timeout", aws.socketTimeout(),
                        "the HTTP client abandons idle long polls, which then hide the next job at the queue"),
                Nesting.shorter("2 x kippu.aws.call-timeout (send the e-mail, mark it sent)", aws.callTimeout().multipliedBy(2),
                        "kippu.notifications.claim-lease", properties.claimLease(),
                        "a worker still sending loses its claim and another may send the job again"),
                Nesting.shorter("kippu.notifications.claim-lease", properties.claimLease(),
                        "kippu.notifications.visibility-timeout", properties.visibilityTimeout(),
                        "the queue redelivers a dead worker's job while its claim still holds, spending receives on it"),
                Nesting.shorter("4 x kippu.aws.call-timeout (claim, send, mark sent, delete)", aws.callTimeout().multipliedBy(4),
                        "kippu.notifications.visibility-timeout", properties.visibilityTimeout(),
                        "the queue hands a job to a second worker while the first is still handling it"),
                Nesting.atMost("kippu.notifications.visibility-timeout", properties.visibilityTimeout(), "SQS's longest visibility timeout",
                        LONGEST_HIDING, "SQS refuses the receive"),
                Nesting.shorter(longPollName, longPoll, "spring.lifecycle.timeout-per-shutdown-phase", shutdownPhase,
                        "shutdown cuts the worker's last receive, which then hides the next job at the queue"));
    }

    /** How long one receive may take: its wait, and the margin for the answer to arrive. */
    private static Duration longPoll(NotificationProperties properties) {
        return properties.waitTime().plus(RESPONSE_MARGIN);
    }

    /** Receives once (long polling) and handles what arrived, each job on its own; returns how many messages that was. */
    public int pollOnce() {
        Duration longPoll = longPoll(properties);
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue.get()).maxNumberOfMessages(10)
                .waitTimeSeconds((int) properties.waitTime().toSeconds())
                .visibilityTimeout((int) properties.visibilityTimeout().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(longPoll).apiCallTimeout(longPoll))).messages();
        Collection<List<Message>> jobs = messages.stream().collect(Collectors.groupingBy(Message::body, LinkedHashMap::new, Collectors.toList())).values();
        try (var handlers = Executors.newVirtualThreadPerTaskExecutor()) {
            jobs.forEach(copies -> handlers.execute(() -> handle(copies)));
        }
        return messages.size();
    }

    /** Handles one job, received once or more (a relay that died after sending sends it again): all copies share its outcome. */
    private void handle(List<Message> copies) {
        Duration hideFor = attempt(copies);
        for (Message message : copies) {
            try {
                if (hideFor.isZero()) {
                    sqs.deleteMessage(r -> r.queueUrl(queue.get()).receiptHandle(message.receiptHandle()));
                } else {
                    sqs.changeMessageVisibility(r -> r.queueUrl(queue.get()).receiptHandle(message.receiptHandle())
                            .visibilityTimeout((int) hideFor.toSeconds()));
                }
            } catch (RuntimeException e) {
                log.warn("Could not {} message {}; the queue offers it again after its visibility timeout: {}",
                        hideFor.isZero() ? "delete" : "hide", message.messageId(), e.toString());
            }
        }
    }

    /** Delivers the job; returns how long the queue should hide it: zero once it is done. */
    private Duration attempt(List<Message> copies) {
        Message message = copies.getFirst();
        return switch (messages.handle(message.body())) {
            case EmailMessages.Outcome.Sent _ -> Duration.ZERO;
            case EmailMessages.Outcome.Busy busy -> until(busy.until());
            case EmailMessages.Outcome.Failed failed -> {
                int receives = copies.stream().mapToInt(EmailQueueWorker::receives).max().orElse(1);
                Duration backOff = backOff(receives);
                log.warn("E-mail job in message {} failed (receive {}), retrying in {}: {}", message.messageId(), receives, backOff,
                        failed.cause().toString());
                yield backOff;
            }
        };
    }

    /** Hides a job until another worker's claim has ended: whole seconds, rounded up, within what SQS allows. */
    private Duration until(Instant claimEnds) {
        long seconds = Duration.between(clock.instant(), claimEnds).plus(CLOCK_MARGIN).toSeconds() + 1;
        return Duration.ofSeconds(Math.clamp(seconds, 1, LONGEST_HIDING.toSeconds()));
    }

    /** The retry delay, doubled for every receive after the first, within what SQS allows. */
    private Duration backOff(int receives) {
        long seconds = properties.retryDelay().toSeconds() << Math.clamp(receives - 1, 0, 20);
        return Duration.ofSeconds(Math.clamp(seconds, 1, LONGEST_HIDING.toSeconds()));
    }

    private static int receives(Message message) {
        return Integer.parseInt(message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
    }

    @Override
    public void start() {
        if (properties.loops()) {
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

    /**
     * Lets the receive under way finish and its jobs be handled, rather than interrupting it: an
     * abandoned receive would still take the next job at the queue and hide it.
     */
    @Override
    public void stop() {
        Thread running = loop;
        loop = null;
        if (running != null) {
            try {
                if (!running.join(longPoll(properties))) {
                    running.interrupt();
                }
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
