package dev.kippu.lambda;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * What the native function needs that Spring AOT cannot see: the events library's types, which
 * {@link CustomRuntime} reads Lambda's SQS event into and writes the batch response from with
 * Jackson, by their properties; and the handlers by name. The adapter's own initializer loads the
 * class that {@code _HANDLER} names and, where it finds none, starts a Runtime API loop of its own
 * beside {@code CustomRuntime}'s, which would take HTTP-only turns at every function's invocations.
 * Checked by {@code LambdaRuntimeHintsTest}.
 */
class LambdaRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), SQSEvent.class, SQSBatchResponse.class);
        hints.reflection().registerType(HttpHandler.class).registerType(EmailQueueHandler.class).registerType(ScheduleHandler.class);
    }
}
