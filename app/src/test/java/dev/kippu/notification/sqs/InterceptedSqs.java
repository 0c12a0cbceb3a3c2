package dev.kippu.notification.sqs;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * The real SQS client (against the stand-in) with the calls the worker makes counted, and chosen
 * deletes and visibility changes failing as they can in AWS (a retry after a timed-out first
 * attempt that had already deleted the message finds its receipt handle invalid).
 */
class InterceptedSqs implements SqsClient {

    private final SqsClient sqs;
    private final Predicate<DeleteMessageRequest> deleteFails;
    private final Predicate<ChangeMessageVisibilityRequest> hidingFails;
    final AtomicInteger received = new AtomicInteger();

    InterceptedSqs(SqsClient sqs, Predicate<DeleteMessageRequest> deleteFails, Predicate<ChangeMessageVisibilityRequest> hidingFails) {
        this.sqs = sqs;
        this.deleteFails = deleteFails;
        this.hidingFails = hidingFails;
    }

    InterceptedSqs(SqsClient sqs) {
        this(sqs, request -> false, request -> false);
    }

    @Override
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
        ReceiveMessageResponse response = sqs.receiveMessage(request);
        received.addAndGet(response.messages().size());
        return response;
    }

    @Override
    public DeleteMessageResponse deleteMessage(DeleteMessageRequest request) {
        if (deleteFails.test(request)) {
            throw invalidHandle();
        }
        return sqs.deleteMessage(request);
    }

    @Override
    public ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest request) {
        if (hidingFails.test(request)) {
            throw invalidHandle();
        }
        return sqs.changeMessageVisibility(request);
    }

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
        return sqs.sendMessage(request);
    }

    @Override
    public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest request) {
        return sqs.getQueueUrl(request);
    }

    @Override
    public CreateQueueResponse createQueue(CreateQueueRequest request) {
        return sqs.createQueue(request);
    }

    @Override
    public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
        return sqs.getQueueAttributes(request);
    }

    @Override
    public String serviceName() {
        return sqs.serviceName();
    }

    @Override
    public void close() {
        // the wrapped client belongs to the application
    }

    private static ReceiptHandleIsInvalidException invalidHandle() {
        return (ReceiptHandleIsInvalidException) ReceiptHandleIsInvalidException.builder().message("The receipt handle is not valid.")
                .statusCode(400).build();
    }
}
