package dev.kippu.notification;

import java.util.List;

/** The queue e-mail jobs wait in for a worker (SQS). Throws unless every job was accepted. */
public interface EmailQueue {

    void send(List<EmailJob> jobs);
}
