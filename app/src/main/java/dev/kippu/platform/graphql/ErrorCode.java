package dev.kippu.platform.graphql;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

/**
 * The contract's error codes ({@code extensions.code} of every error), and the one way errors with
 * a code are made ({@link #error}). Errors graphql-java raises before execution (syntax,
 * validation, variable types, limits, refused introspection) are the caller's: {@code BAD_REQUEST}.
 * Anything else without a code is ours: {@code INTERNAL}.
 */
public enum ErrorCode implements ErrorClassification {
    BAD_REQUEST,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    SOLD_OUT,
    EVENT_NOT_BOOKABLE,
    CONFLICT,
    INTERNAL;

    /**
     * Classifications of errors that are the caller's fault: graphql-java's {@code ErrorType}s for
     * requests it refuses, and its refusals of introspection (disabled, or not in good faith).
     */
    private static final Set<String> NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private static final Set<String> CALLERS_FAULT = Set.of("InvalidSyntax", "ValidationError", "OperationNotSupported", "ExecutionAborted",
            "IntrospectionDisabled", "BadFaithIntrospection");

    /** An error with this code (classification and {@code extensions.code}), plus any further extensions. */
    public GraphQLError error(String message, Map<String, Object> extensions) {
        return builder(GraphqlErrorBuilder.newError(), message, extensions).build();
    }

    public GraphQLError error(String message) {
        return error(message, Map.of());
    }

    /** The same, at the field that {@code environment} resolves (its path and location). */
    GraphQLError error(DataFetchingEnvironment environment, String message, Map<String, Object> extensions) {
        return builder(GraphqlErrorBuilder.newError(environment), message, extensions).build();
    }

    private GraphqlErrorBuilder<?> builder(GraphqlErrorBuilder<?> builder, String message, Map<String, Object> extensions) {
        Map<String, Object> all = new LinkedHashMap<>(extensions);
        all.put("code", name());
        return builder.errorType(this).message(message).extensions(all);
    }

    /** The code an error has, or should have: the one in its extensions if it is the contract's, else one by its classification. */
    static ErrorCode of(Map<String, Object> extensions, ErrorClassification classification) {
        return extensions != null && extensions.get("code") instanceof String code && named(code)
                ? valueOf(code)
                : of(String.valueOf(classification));
    }

    /** The code for an error known only by its classification's name (as in the names of metrics). */
    static ErrorCode of(String classification) {
        return named(classification) ? valueOf(classification) : CALLERS_FAULT.contains(classification) ? BAD_REQUEST : INTERNAL;
    }

    static boolean named(String code) {
        return NAMES.contains(code);
    }
}
