package dev.kippu.notification;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * Moves e-mail jobs from the outbox to the queue: send first, then remove. A relay that dies in
 * between sends the jobs again next time; the worker's {@link SentEmails} makes that harmless.
 * On schedule it looks every relay interval while there is work, and less often while there is
 * none (up to every {@value #MAX_IDLE_TICKS} + 1 intervals), so an idle service reads little.
 */
@Service
public class OutboxRelay implements SchedulingConfigurer {

    private static final int BATCH = 50;
    static final int MAX_IDLE_TICKS = 7;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final PendingEmails pending;
    private final EmailQueue queue;
    private final NotificationProperties properties;
    private int idleTicks;
    private int ticksToSkip;

    public OutboxRelay(PendingEmails pending, EmailQueue queue, NotificationProperties properties) {
        this.pending = pending;
        this.queue = queue;
        this.properties = properties;
    }

    /**
     * Every relay interval, the next one counted from the end of the last (so that looks never
     * overlap), where this process runs the loops.
     */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (properties.loops()) {
            tasks.addFixedDelayTask(this::relayOnSchedule, properties.relayInterval());
        }
    }

    void relayOnSchedule() {
        if (ticksToSkip > 0) {
            ticksToSkip--;
            return;
        }
        int moved = 0;
        try {
            moved = drain();
        } catch (RuntimeException e) {
            log.warn("Relaying e-mail jobs failed; they stay in the outbox for the next attempt: {}", e.toString());
        }
        idleTicks = moved > 0 ? 0 : Math.min(MAX_IDLE_TICKS, idleTicks * 2 + 1);
        ticksToSkip = idleTicks;
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
