package dev.kippu.notification;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How e-mail jobs travel. The durations nest (docs/architecture.md, "Timeouts that nest"); the
 * worker refuses to start with a configuration that breaks the nesting.
 *
 * @param queueName         the SQS queue of e-mail jobs (its dead-letter queue comes from infrastructure)
 * @param from              the sender, an SES-verified address
 * @param timeZone          how event times are written in e-mails
 * @param relayInterval     how often the outbox is relayed to the queue
 * @param loops             run the outbox relay and the queue worker as background loops of this process: what
 *                          a long-running service does. Off where the process runs one job (job mode drains the
 *                          outbox itself) or where nothing may run between invocations (Lambda: SQS invokes a
 *                          handler, a schedule drains the outbox). Read at run time, not a bean condition, so that
 *                          one AOT-processed artifact runs as a service and as a job.
 * @param waitTime          long-poll wait of one receive (at most 20 s, SQS's limit)
 * @param visibilityTimeout how long a received job stays hidden from other workers while this one handles it
 * @param claimLease        how long a worker holds a job it is sending; shorter than the visibility timeout,
 *                          so that the queue redelivers a dead worker's job only after its claim has expired
 * @param retryDelay        after a failed attempt, the job is retried after this delay, doubled for every
 *                          further receive, until the queue's maximum receives move it to the dead-letter queue
 * @param createQueue       create the queue and its dead-letter queue at start-up: for local runs and tests only
 * @param maxReceives       with {@code createQueue}: receives before a job moves to the dead-letter queue
 */
@ConfigurationProperties("kippu.notifications")
public record NotificationProperties(
        @DefaultValue("kippu-emails") String queueName,
        @DefaultValue("Kippu <no-reply@kippu.dev>") String from,
        @DefaultValue("Asia/Tokyo") ZoneId timeZone,
        @DefaultValue("500ms") Duration relayInterval,
        @DefaultValue("true") boolean loops,
        @DefaultValue("10s") Duration waitTime,
        @DefaultValue("30s") Duration visibilityTimeout,
        @DefaultValue("20s") Duration claimLease,
        @DefaultValue("10s") Duration retryDelay,
        @DefaultValue("false") boolean createQueue,
        @DefaultValue("5") int maxReceives) {
}
