package dev.kippu.platform.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one GraphQL request may ask for. The defaults fit every operation the web front end and the
 * load tests send, with room; GraphiQL's introspection query (13 levels) needs a depth of 15.
 *
 * @param maxDepth        nesting of selections
 * @param maxComplexity   fields to resolve, where a connection field counts its selection {@code first} times
 * @param maxAliases      aliased fields in the document
 * @param maxOperations   operation definitions in the document
 * @param maxTokens       parser tokens in the document
 * @param maxRequestBytes HTTP request body
 * @param maxSubscriptionsPerConnection subscriptions one WebSocket connection may hold open at once
 * @param requestTimeout  the longest a request may run before it is answered with HTTP 408: longer than
 *                        an AWS call ({@code kippu.aws.call-timeout}), shorter than the gateways in front
 *                        (API Gateway allows 30 s); a retry with the same idempotency key stays safe
 */
@ConfigurationProperties("kippu.graphql.limits")
public record GraphQlLimits(
        @DefaultValue("15") int maxDepth,
        @DefaultValue("2000") int maxComplexity,
        @DefaultValue("20") int maxAliases,
        @DefaultValue("5") int maxOperations,
        @DefaultValue("5000") int maxTokens,
        @DefaultValue("65536") long maxRequestBytes,
        @DefaultValue("10") int maxSubscriptionsPerConnection,
        @DefaultValue("20s") Duration requestTimeout) {
}
