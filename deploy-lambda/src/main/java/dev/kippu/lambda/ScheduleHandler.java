package dev.kippu.lambda;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.kippu.booking.ReminderRun;

/**
 * The reminder job as a function that EventBridge Scheduler invokes (every minute): one
 * {@link ReminderRun}, which queues the reminders due and relays the outbox's e-mail jobs to the
 * queue, as the job does on every other runtime. A failure is the invocation's error, which the
 * schedule's retry policy retries; a reminder not queued is queued by the next run.
 */
public class ScheduleHandler implements RequestHandler<Map<String, Object>, String> {

    private final ReminderRun reminders = LambdaKippu.bean(ReminderRun.class);

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        ReminderRun.Result result = reminders.run();
        return result.queued() + " reminders queued, " + result.relayed() + " e-mail jobs relayed";
    }
}
