package dev.kippu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kippu.booking.ReminderRun;

/**
 * Job mode's entry point: the application with no HTTP port and no background loops (profile
 * {@code job}), one {@link ReminderRun}, then the process ends with 0, or 1 if the run failed.
 * Every scheduler runs this same class of the same artifact: an ECS scheduled task on Fargate
 * Spot, a Kubernetes CronJob, Cloud Scheduler.
 * <p>
 * It runs the very beans of {@link KippuApplication}, web ones included, and only closes the port
 * ({@code server.port=-1}): Spring AOT fixes an application's beans at build time, so one set of
 * beans serves both the service and the job, and the job uses the service's generated initializer.
 */
public final class ReminderJobApplication {

    private static final Logger log = LoggerFactory.getLogger(ReminderJobApplication.class);

    private ReminderJobApplication() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the job once in an application of its own; returns the process's exit status. */
    static int run(String... args) {
        SpringApplication application = new SpringApplication(KippuApplication.class);
        application.setMainApplicationClass(KippuApplication.class); // whose AOT initializer this runs
        application.setAdditionalProfiles("job");
        try (ConfigurableApplicationContext context = application.run(args)) {
            try {
                ReminderRun.Result result = context.getBean(ReminderRun.class).run();
                log.info("Reminder job: {} reminders queued, {} e-mail jobs relayed", result.queued(), result.relayed());
                return 0;
            } catch (RuntimeException e) {
                log.error("Reminder job failed; the reminders not queued are queued by the next run", e);
                return 1;
            }
        }
    }
}
