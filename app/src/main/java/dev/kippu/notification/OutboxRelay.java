package dev.kippu.notification;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Moves e-mail jobs from the outbox to the queue: send first, then remove. A relay that dies in
 * between sends the jobs again next time; the worker's {@link SentEmails} makes that harmless.
 */
@Service
public class OutboxRelay {

    private static final int BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final PendingEmails pending;
    private final EmailQueue queue;
    private final NotificationProperties properties;

    public OutboxRelay(PendingEmails pending, EmailQueue queue, NotificationProperties properties) {
        this.pending = pending;
        this.queue = queue;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${kippu.notifications.relay-interval:500ms}")
    void relayOnSchedule() {
        if (!properties.relayEnabled()) {
            return;
        }
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Relaying e-mail jobs failed; they stay in the outbox for the next attempt: {}", e.toString());
        }
    }

    /** Relays one batch; returns how many jobs it moved. */
    public int relay() {
        List<EmailJob> jobs = pending.oldest(BATCH);
        if (!jobs.isEmpty()) {
            queue.send(jobs);
            pending.remove(jobs);
        }
        return jobs.size();
    }

    /** Relays until the outbox is empty. */
    public int drain() {
        int moved = 0;
        for (int batch = relay(); batch > 0; batch = relay()) {
            moved += batch;
        }
        return moved;
    }
}
