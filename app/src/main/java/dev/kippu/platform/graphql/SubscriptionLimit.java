package dev.kippu.platform.graphql;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.reactivestreams.Publisher;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

import graphql.ExecutionResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds a WebSocket connection to {@code kippu.graphql.limits.max-subscriptions-per-connection}
 * open subscriptions. The count lives in the connection's attributes, so it goes with the
 * connection; a subscription frees its place when its stream ends for any reason (completed,
 * cancelled by the client, connection closed). One over the limit gets a {@code BAD_REQUEST} error
 * and its stream is never subscribed, so it never starts following anything.
 */
@Component
@Order(GraphQlPipeline.SUBSCRIPTION_LIMIT)
class SubscriptionLimit implements WebGraphQlInterceptor {

    private static final String OPEN_SUBSCRIPTIONS = SubscriptionLimit.class.getName() + ".open";

    private final int limit;

    SubscriptionLimit(GraphQlLimits limits) {
        this.limit = limits.maxSubscriptionsPerConnection();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest webSocketRequest)) {
            return chain.next(request);
        }
        Map<String, Object> connection = webSocketRequest.getSessionInfo().getAttributes();
        AtomicInteger open = (AtomicInteger) connection.computeIfAbsent(OPEN_SUBSCRIPTIONS, key -> new AtomicInteger());
        return chain.next(request).map(response -> {
            if (!(response.getData() instanceof Publisher<?> stream)) {
                return response;
            }
            if (open.incrementAndGet() > limit) {
                open.decrementAndGet();
                return refused(response);
            }
            AtomicBoolean released = new AtomicBoolean();
            Flux<?> counted = Flux.from(stream).doFinally(signal -> {
                if (released.compareAndSet(false, true)) {
                    open.decrementAndGet();
                }
            });
            return response.transform(builder -> builder.data(counted));
        });
    }

    private WebGraphQlResponse refused(WebGraphQlResponse response) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(ErrorCode.BAD_REQUEST.error(
                        "A connection may hold at most " + limit + " subscriptions at once: complete one, or open another connection."))
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(response.getExecutionInput(), result));
    }
}
