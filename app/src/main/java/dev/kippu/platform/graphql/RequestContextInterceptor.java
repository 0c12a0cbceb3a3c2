package dev.kippu.platform.graphql;

import org.slf4j.MDC;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.kippu.account.CurrentUser;
import dev.kippu.platform.observability.RequestIdFilter;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;

/**
 * Hands each GraphQL request what its execution needs from the transport: the signed-in user
 * (if any), the request id for logs written on other threads, and the parser's limits. Every transport that reaches the application through Spring's
 * GraphQL handler gets the same, so resolvers never look at HTTP.
 */
@Component
class RequestContextInterceptor implements WebGraphQlInterceptor {

    static final String CURRENT_USER = CurrentUser.class.getName();

    private final ParserOptions parserOptions;

    RequestContextInterceptor(GraphQlLimits limits) {
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxTokens(limits.maxTokens())
                .maxCharacters((int) limits.maxRequestBytes()));
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
            context.put(ParserOptions.class, parserOptions);
            String requestId = MDC.get(RequestIdFilter.MDC_KEY);
            if (requestId != null) {
                context.put(RequestIdFilter.MDC_KEY, requestId);
            }
            if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
                context.put(CURRENT_USER, user);
            }
        }).build());
        return chain.next(request);
    }
}
