package dev.kippu.platform.graphql;

import java.util.UUID;

import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.kippu.platform.observability.RequestIdFilter;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Hands each GraphQL request what its execution needs from the transport: the signed-in caller
 * ({@link Caller}, if any), whether it came over WebSocket, the request id for logs written on other threads, and
 * the parser's limits. Every transport that reaches the application through Spring's GraphQL
 * handler gets the same, so resolvers never look at HTTP.
 * <p>
 * Runs inside (after) the WebSocket authentication interceptor, whose user is in the Reactor
 * context, not in the thread's security context.
 */
@Component
@Order(GraphQlPipeline.REQUEST_CONTEXT)
class RequestContextInterceptor implements WebGraphQlInterceptor {

    /** {@code true} in the GraphQL context of an operation sent over WebSocket, the one transport for subscriptions. */
    static final String OVER_WEBSOCKET = RequestContextInterceptor.class.getName() + ".overWebSocket";

    private final ParserOptions parserOptions;

    RequestContextInterceptor(GraphQlLimits limits) {
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxTokens(limits.maxTokens())
                .maxCharacters((int) limits.maxRequestBytes()));
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return Mono.deferContextual(reactorContext -> {
            Authentication authentication = authentication(reactorContext);
            boolean overWebSocket = request instanceof WebSocketGraphQlRequest;
            String mdcRequestId = MDC.get(RequestIdFilter.MDC_KEY);
            String requestId = mdcRequestId != null ? mdcRequestId : overWebSocket ? "ws-" + UUID.randomUUID() : null;
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
                context.put(ParserOptions.class, parserOptions);
                context.put(OVER_WEBSOCKET, overWebSocket);
                if (requestId != null) {
                    context.put(RequestIdFilter.MDC_KEY, requestId);
                }
                if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
                    context.put(Caller.KEY, authentication.getPrincipal());
                }
            }).build());
            return chain.next(request);
        });
    }

    /**
     * Over HTTP the security filter has put the caller in the thread's security context; over
     * WebSocket the caller authenticated by {@code connection_init} is in the Reactor context, under
     * the key Spring Security's context propagation uses.
     */
    private static Authentication authentication(ContextView reactorContext) {
        Object propagated = reactorContext.getOrDefault(SecurityContext.class.getName(), null);
        if (propagated instanceof SecurityContext context && context.getAuthentication() != null) {
            return context.getAuthentication();
        }
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
