package dev.kippu.platform.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

/**
 * Gives every error in a response one of the contract's codes. Errors graphql-java raises before
 * execution (syntax, validation, variable types, limits) are the caller's: {@code BAD_REQUEST}.
 * Anything else without a code is ours: {@code INTERNAL}.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor, Ordered {

    /**
     * graphql-java's refusals of an introspection query, which have no {@link ErrorType}: disabled
     * ({@code spring.graphql.schema.introspection.enabled=false}) or not in good faith (too big).
     */
    private static final Set<String> REFUSED_INTROSPECTION = Set.of("IntrospectionDisabled", "BadFaithIntrospection");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> response.getErrors().stream().allMatch(ErrorCodeInterceptor::hasCode)
                ? response
                : response.transform(builder -> builder.errors(response.getErrors().stream().map(ErrorCodeInterceptor::withCode).toList())));
    }

    private static boolean hasCode(ResponseError error) {
        return error.getExtensions().get("code") instanceof String code && ProblemResolver.codes().contains(code);
    }

    private static GraphQLError withCode(ResponseError error) {
        if (hasCode(error)) {
            return copy(error, error.getExtensions());
        }
        boolean callersFault = switch (error.getErrorType()) {
            case ErrorType type -> switch (type) {
                case InvalidSyntax, ValidationError, OperationNotSupported, ExecutionAborted -> true;
                case DataFetchingException, NullValueInNonNullableField -> false;
            };
            case ErrorClassification other when REFUSED_INTROSPECTION.contains(other.toString()) -> true;
            case null, default -> false;
        };
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.put("code", callersFault ? "BAD_REQUEST" : "INTERNAL");
        return copy(error, extensions);
    }

    private static GraphQLError copy(ResponseError error, Map<String, Object> extensions) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .errorType(error.getErrorType())
                .locations(error.getLocations())
                .extensions(extensions);
        List<Object> path = error.getParsedPath();
        return (path.isEmpty() ? builder : builder.path(path)).build();
    }
}
