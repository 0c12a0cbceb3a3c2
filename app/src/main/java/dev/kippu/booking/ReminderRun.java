package dev.kippu.booking;

import org.springframework.stereotype.Service;

import dev.kippu.notification.OutboxRelay;

/**
 * One scheduled reminder run, whatever schedules it (job mode, a scheduler's Lambda handler, an
 * ECS scheduled task, a CronJob): queue the reminders due now, then relay the outbox to the e-mail
 * queue, so that the run ends with its e-mails on their way even where no relay runs in the
 * background.
 */
@Service
public class ReminderRun {

    private final Reminders reminders;
    private final OutboxRelay relay;

    ReminderRun(Reminders reminders, OutboxRelay relay) {
        this.reminders = reminders;
        this.relay = relay;
    }

    /** @param queued reminders this run queued; {@code relayed} e-mail jobs it moved to the queue (its own and any left over) */
    public record Result(int queued, int relayed) {
    }

    public Result run() {
        int queued = reminders.queueDue();
        return new Result(queued, relay.drain());
    }
}
