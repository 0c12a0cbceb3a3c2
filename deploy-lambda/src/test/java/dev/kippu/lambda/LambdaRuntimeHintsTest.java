package dev.kippu.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.aot.hint.predicate.RuntimeHintsPredicates.reflection;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Each of LambdaRuntimeHints' hints, as the native function would need it. */
class LambdaRuntimeHintsTest {

    private final RuntimeHints hints = new RuntimeHints();

    LambdaRuntimeHintsTest() {
        new LambdaRuntimeHints().registerHints(hints, getClass().getClassLoader());
    }

    @Test
    void jacksonCanReadTheSqsEventAndWriteTheBatchResponse() throws NoSuchMethodException {
        for (Class<?> type : new Class<?>[] {SQSEvent.class, SQSEvent.SQSMessage.class, SQSEvent.MessageAttribute.class,
                SQSBatchResponse.class, SQSBatchResponse.BatchItemFailure.class}) {
            assertThat(reflection().onType(type)).as(type.getName()).accepts(hints);
        }
        assertThat(reflection().onMethodInvocation(SQSEvent.class.getMethod("setRecords", List.class))).accepts(hints);
        assertThat(reflection().onMethodInvocation(SQSEvent.SQSMessage.class.getMethod("setBody", String.class))).accepts(hints);
        assertThat(reflection().onMethodInvocation(SQSBatchResponse.BatchItemFailure.class.getMethod("getItemIdentifier"))).accepts(hints);
    }

    @Test
    void theHandlersCanBeFoundByName() {
        for (Class<?> handler : new Class<?>[] {HttpHandler.class, EmailQueueHandler.class, ScheduleHandler.class}) {
            assertThat(reflection().onType(handler)).as(handler.getName()).accepts(hints);
        }
    }
}
