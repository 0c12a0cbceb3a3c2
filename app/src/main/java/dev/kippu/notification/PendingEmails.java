package dev.kippu.notification;

import java.util.List;

/** E-mail jobs written with the change they report (the transactional outbox), not yet in the queue. */
public interface PendingEmails {

    List<EmailJob> oldest(int limit);

    void remove(List<EmailJob> jobs);
}
