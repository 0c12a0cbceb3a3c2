package dev.kippu.notification.dynamo;

import java.util.List;

import org.springframework.stereotype.Repository;

import dev.kippu.notification.EmailJob;
import dev.kippu.notification.PendingEmails;
import dev.kippu.platform.dynamo.Outbox;

/** E-mail jobs waiting in the table's outbox. */
@Repository
class DynamoPendingEmails implements PendingEmails {

    private final Outbox outbox;

    DynamoPendingEmails(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public List<EmailJob> oldest(int limit) {
        return outbox.oldest(limit).stream().map(entry -> EmailJob.fromFields(entry.fields())).toList();
    }

    @Override
    public void remove(List<EmailJob> jobs) {
        jobs.forEach(job -> outbox.remove(job.id()));
    }
}
