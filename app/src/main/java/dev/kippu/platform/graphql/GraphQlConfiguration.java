package dev.kippu.platform.graphql;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlSseHandler;

import dev.kippu.platform.aws.AwsProperties;
import dev.kippu.platform.timeouts.Nesting;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;

/** The schema's scalar, the limits every request is held to (size, depth, time), and GraphQL over SSE with coded errors. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer dateTimeScalar() {
        return wiring -> wiring.scalar(DateTimeScalar.DATE_TIME);
    }

    @Bean
    @Order(GraphQlPipeline.MAX_DEPTH)
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    /** A field costs 1, plus its selection; a connection's selection counts once per item it may return ({@code first}). */
    @Bean
    @Order(GraphQlPipeline.MAX_COMPLEXITY)
    MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits) {
        FieldComplexityCalculator calculator = (field, childComplexity) ->
                field.getArguments().get("first") instanceof Integer first && first > 0
                        ? 1 + childComplexity * first
                        : 1 + childComplexity;
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), calculator);
    }

    /** Answers 408 to a request still running after the request timeout (its work may still finish: see {@link GraphQlLimits}). */
    @Bean
    @Order(GraphQlPipeline.REQUEST_TIMEOUT)
    TimeoutWebGraphQlInterceptor requestTimeout(GraphQlLimits limits, AwsProperties aws,
                                                @Value("${spring.mvc.async.request-timeout:30s}") Duration asyncTimeout) {
        Nesting.require(List.of(
                Nesting.shorter("kippu.aws.call-timeout", aws.callTimeout(), "kippu.graphql.limits.request-timeout", limits.requestTimeout(),
                        "a request that waits on one slow AWS call is cut before that call ends"),
                Nesting.shorter("kippu.graphql.limits.request-timeout", limits.requestTimeout(),
                        "spring.mvc.async.request-timeout (unset: Tomcat's 30s)", asyncTimeout,
                        "the server cuts the request with a bare 503 first")));
        return new TimeoutWebGraphQlInterceptor(limits.requestTimeout());
    }

    @Bean
    @Order(GraphQlPipeline.OPERATION_GUARD)
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
