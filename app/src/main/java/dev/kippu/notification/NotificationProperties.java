package dev.kippu.notification;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param queueName       the SQS queue of e-mail jobs (its dead-letter queue comes from infrastructure)
 * @param from            the sender, an SES-verified address
 * @param timeZone        how event times are written in e-mails
 * @param relayInterval   how often the outbox is relayed to the queue
 * @param relayEnabled    relay in this process (off where something else relays, e.g. in job mode it drains once)
 * @param workerEnabled   consume the queue in this process (off on Lambda, where SQS invokes a handler)
 * @param waitTime        long-poll wait of one receive
 * @param claimLease      how long a worker holds a job it is sending
 * @param createQueue     create the queue and its dead-letter queue at start-up: for local runs and tests only
 * @param maxReceives     with {@code createQueue}: receives before a job moves to the dead-letter queue
 */
@ConfigurationProperties("kippu.notifications")
public record NotificationProperties(
        @DefaultValue("kippu-emails") String queueName,
        @DefaultValue("Kippu <no-reply@kippu.dev>") String from,
        @DefaultValue("Asia/Tokyo") ZoneId timeZone,
        @DefaultValue("500ms") Duration relayInterval,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("10s") Duration waitTime,
        @DefaultValue("60s") Duration claimLease,
        @DefaultValue("false") boolean createQueue,
        @DefaultValue("5") int maxReceives) {
}
