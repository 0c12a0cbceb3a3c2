package dev.kippu.lambda;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import dev.kippu.notification.sqs.EmailMessages;

/**
 * The e-mail worker as a function on the e-mail queue's events: each message is delivered as the
 * service's worker delivers it, and the ones not sent come back as batch item failures (the event
 * source reports them: {@code ReportBatchItemFailures}), so that only those are received again,
 * after the queue's visibility timeout, and the sent ones are deleted.
 */
public class EmailQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(EmailQueueHandler.class);

    private final EmailMessages messages = LambdaKippu.bean(EmailMessages.class);

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> notSent = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            switch (messages.handle(message.getBody())) {
                case EmailMessages.Outcome.Sent _ -> {
                }
                case EmailMessages.Outcome.Busy busy -> notSent.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                case EmailMessages.Outcome.Failed failed -> {
                    log.warn("E-mail message {} not sent; it comes back after the visibility timeout: {}", message.getMessageId(),
                            failed.cause().toString());
                    notSent.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
        }
        return new SQSBatchResponse(notSent);
    }
}
