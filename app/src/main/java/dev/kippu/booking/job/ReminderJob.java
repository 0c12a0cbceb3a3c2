package dev.kippu.booking.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.kippu.booking.ReminderRun;

/**
 * Job mode ({@code --kippu.job=reminders}, profile {@code job}): one {@link ReminderRun}, then
 * exit 0; a failure exits non-zero. Every runtime schedules
 * the same artifact: EventBridge Scheduler (Lambda), an ECS scheduled task on Fargate Spot, a
 * Kubernetes CronJob.
 */
@Component
@ConditionalOnProperty(name = "kippu.job", havingValue = "reminders")
class ReminderJob implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final ReminderRun reminders;
    private int exitCode = 1;

    ReminderJob(ReminderRun reminders) {
        this.reminders = reminders;
    }

    @Override
    public void run(ApplicationArguments args) {
        ReminderRun.Result result = reminders.run();
        log.info("Reminder job: {} reminders queued, {} e-mail jobs relayed", result.queued(), result.relayed());
        exitCode = 0;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
