package dev.kippu.booking.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.kippu.booking.Reminders;
import dev.kippu.notification.OutboxRelay;

/**
 * Job mode ({@code --kippu.job=reminders}, profile {@code job}): queues the reminders due now,
 * relays them to the e-mail queue, and exits 0; a failure exits non-zero. Every runtime schedules
 * the same artifact: EventBridge Scheduler (Lambda), an ECS scheduled task on Fargate Spot, a
 * Kubernetes CronJob.
 */
@Component
@ConditionalOnProperty(name = "kippu.job", havingValue = "reminders")
class ReminderJob implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final Reminders reminders;
    private final OutboxRelay relay;
    private int exitCode = 1;

    ReminderJob(Reminders reminders, OutboxRelay relay) {
        this.reminders = reminders;
        this.relay = relay;
    }

    @Override
    public void run(ApplicationArguments args) {
        int queued = reminders.queueDue();
        int relayed = relay.drain();
        log.info("Reminder job: {} reminders queued, {} e-mail jobs relayed", queued, relayed);
        exitCode = 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
