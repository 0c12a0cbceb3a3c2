package dev.kippu.platform.graphql;

import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ErrorClassification;

/**
 * The contract's error codes, and which one an error carries. Errors graphql-java raises before
 * execution (syntax, validation, variable types, limits, refused introspection) are the caller's:
 * {@code BAD_REQUEST}. Anything else without a code is ours: {@code INTERNAL}.
 */
final class ErrorCodes {

    static final String INTERNAL = "INTERNAL";

    static final List<String> ALL = List.of("BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "SOLD_OUT", "EVENT_NOT_BOOKABLE",
            "CONFLICT", INTERNAL);

    /**
     * Classifications of errors that are the caller's fault: graphql-java's {@code ErrorType}s for
     * requests it refuses, and its refusals of introspection (disabled, or not in good faith).
     */
    private static final Set<String> CALLERS_FAULT = Set.of("InvalidSyntax", "ValidationError", "OperationNotSupported", "ExecutionAborted",
            "IntrospectionDisabled", "BadFaithIntrospection");

    private ErrorCodes() {
    }

    /** The code an error has, or should have: the one in its extensions if it is the contract's, else one by its classification. */
    static String of(Map<String, Object> extensions, ErrorClassification classification) {
        return extensions != null && extensions.get("code") instanceof String code && ALL.contains(code)
                ? code
                : of(String.valueOf(classification));
    }

    /** The code for an error known only by its classification's name (as in the names of metrics). */
    static String of(String classification) {
        return ALL.contains(classification) ? classification : CALLERS_FAULT.contains(classification) ? "BAD_REQUEST" : INTERNAL;
    }
}
