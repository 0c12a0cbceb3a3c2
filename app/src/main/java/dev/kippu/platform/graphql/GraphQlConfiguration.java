package dev.kippu.platform.graphql;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlSseHandler;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;

/** The schema's scalar, the limits every request is held to, and GraphQL over SSE with coded errors. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer dateTimeScalar() {
        return wiring -> wiring.scalar(DateTimeScalar.DATE_TIME);
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    /** A field costs 1, plus its selection; a connection's selection counts once per item it may return ({@code first}). */
    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits) {
        FieldComplexityCalculator calculator = (field, childComplexity) ->
                field.getArguments().get("first") instanceof Integer first && first > 0
                        ? 1 + childComplexity * first
                        : 1 + childComplexity;
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), calculator);
    }

    @Bean
    OperationGuard operationGuard(GraphQlLimits limits) {
        return new OperationGuard(limits);
    }

    /** Replaces Spring Boot's handler (same settings), see {@link CodedSseHandler}. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    GraphQlSseHandler graphQlSseHandler(WebGraphQlHandler handler, GraphQlProperties properties) {
        return new CodedSseHandler(handler, properties.getHttp().getSse().getTimeout(), properties.getHttp().getSse().getKeepAlive());
    }
}
