package dev.kippu.platform.graphql;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import dev.kippu.common.Conflict;
import dev.kippu.common.EventNotBookable;
import dev.kippu.common.Forbidden;
import dev.kippu.common.InvalidInput;
import dev.kippu.common.NotFound;
import dev.kippu.common.Problem;
import dev.kippu.common.SoldOut;
import dev.kippu.common.Unauthenticated;
import dev.kippu.platform.observability.RequestIdFilter;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;

/**
 * Turns what a resolver throws into a contract error: a {@link Problem} into its code and message
 * (with the offending fields for invalid input), anything else into {@code INTERNAL} with a
 * message that reveals nothing and a log entry that holds the details.
 */
@Component
class ProblemResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ProblemResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment environment) {
        Problem problem = problemIn(thrown);
        if (problem == null) {
            try (var requestId = MDC.putCloseable(RequestIdFilter.MDC_KEY, environment.getGraphQlContext().get(RequestIdFilter.MDC_KEY))) {
                log.error("Unexpected failure in {}", environment.getExecutionStepInfo().getPath(), thrown);
            }
            return ErrorCode.INTERNAL.error(environment, "Something went wrong on our side; try again later.", Map.of());
        }
        Map<String, Object> details = problem instanceof InvalidInput invalid
                ? Map.of("fields", invalid.violations().stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList())
                : Map.of();
        return code(problem).error(environment, problem.getMessage(), details);
    }

    static ErrorCode code(Problem problem) {
        return switch (problem) {
            case InvalidInput _ -> ErrorCode.BAD_REQUEST;
            case Unauthenticated _ -> ErrorCode.UNAUTHENTICATED;
            case Forbidden _ -> ErrorCode.FORBIDDEN;
            case NotFound _ -> ErrorCode.NOT_FOUND;
            case SoldOut _ -> ErrorCode.SOLD_OUT;
            case EventNotBookable _ -> ErrorCode.EVENT_NOT_BOOKABLE;
            case Conflict _ -> ErrorCode.CONFLICT;
        };
    }

    /** Binding wraps what a command's constructor throws; look through the causes. */
    static Problem problemIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof Problem problem) {
                return problem;
            }
        }
        return null;
    }
}
