package dev.kippu.platform.graphql;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The {@code graphql.outcome} of a request in the metrics, by the contract's codes: {@code SUCCESS}
 * without errors, {@code INTERNAL_ERROR} if any error is {@code INTERNAL}, else {@code REQUEST_ERROR}
 * (the caller's: bad input, sold out, not signed in, ...), so that an alarm on internal errors does
 * not fire on bad input. Spring's default counts Kippu's own {@code INTERNAL} errors as request errors,
 * and tags the per-error counters ({@code graphql.request.<classification>}) with the outcome known when
 * the request began, which is none: this gives those counters the outcome of their error instead.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlOutcomes {

    static final String SUCCESS = "SUCCESS";
    static final String REQUEST_ERROR = "REQUEST_ERROR";
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** While a request runs (the active-requests timer), its outcome is not known yet. */
    static final String UNKNOWN = "UNKNOWN";

    private static final String OUTCOME = "graphql.outcome";
    private static final String REQUEST = "graphql.request";

    @Bean
    ExecutionRequestObservationConvention graphQlRequestOutcomes() {
        return new DefaultExecutionRequestObservationConvention() {
            @Override
            protected KeyValue outcome(ExecutionRequestObservationContext context) {
                ExecutionResult result = context.getExecutionResult();
                return KeyValue.of(OUTCOME, context.getError() != null ? INTERNAL_ERROR : result == null ? UNKNOWN : of(result.getErrors()));
            }
        };
    }

    @Bean
    MeterFilter graphQlErrorCounterOutcomes() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String name = id.getName();
                if (!name.startsWith(REQUEST + ".") || name.equals(REQUEST + ".active") || id.getTag(OUTCOME) == null) {
                    return id;
                }
                String classification = name.substring(REQUEST.length() + 1);
                return id.replaceTags(Tags.of(id.getTagsAsIterable()).and(OUTCOME, ErrorCode.of(classification) == ErrorCode.INTERNAL ? INTERNAL_ERROR : REQUEST_ERROR));
            }
        };
    }

    static String of(List<GraphQLError> errors) {
        if (errors.isEmpty()) {
            return SUCCESS;
        }
        return errors.stream().anyMatch(error -> ErrorCode.of(error.getExtensions(), error.getErrorType()) == ErrorCode.INTERNAL)
                ? INTERNAL_ERROR
                : REQUEST_ERROR;
    }
}
