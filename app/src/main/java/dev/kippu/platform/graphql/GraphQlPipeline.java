package dev.kippu.platform.graphql;

import org.springframework.core.Ordered;

/**
 * The order in which a GraphQL request meets Kippu's pieces, kept in this one place and drawn as a
 * table in docs/architecture.md ("The GraphQL pipeline"). Lower runs first: a servlet filter or web
 * interceptor with a lower order is outside the higher ones (it sees the request first and the
 * response last). Servlet filters run before Spring Security's filter chain (order -100), web
 * interceptors after it, then graphql-java parses, validates and runs its instrumentations, then the
 * resolvers, whose exceptions the exception resolvers turn into coded errors.
 */
public final class GraphQlPipeline {

    /** Servlet filter: the request id, first, so that everything after logs with it. */
    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    /** Servlet filter: the body size limit and a {@code null} body, before anything reads the body. */
    public static final int REQUEST_BODY = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Web interceptor: every error of the response gets a contract code; outermost, so it sees all of them. */
    public static final int ERROR_CODES = Ordered.HIGHEST_PRECEDENCE;
    /** Web interceptor: over WebSocket, the token in {@code connection_init}. */
    public static final int WEBSOCKET_AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 100;
    /** Web interceptor: subscriptions per WebSocket connection. */
    public static final int SUBSCRIPTION_LIMIT = Ordered.HIGHEST_PRECEDENCE + 200;
    /** Web interceptor: the request timeout (408). */
    public static final int REQUEST_TIMEOUT = Ordered.HIGHEST_PRECEDENCE + 300;
    /** Web interceptor: the caller, the transport, the request id and the parser limits into the GraphQL context; innermost. */
    public static final int REQUEST_CONTEXT = Ordered.LOWEST_PRECEDENCE;

    /** Instrumentations: depth, then complexity (both from validation on), then the operation guard (before any resolver). */
    public static final int MAX_DEPTH = 100;
    public static final int MAX_COMPLEXITY = 200;
    public static final int OPERATION_GUARD = 300;

    private GraphQlPipeline() {
    }
}
