package dev.kippu.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;

import dev.kippu.support.ApiTest;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;

/** The pipeline runs in the order {@link GraphQlPipeline} gives and docs/architecture.md draws. */
@ApiTest
class GraphQlPipelineTest {

    @Autowired
    ObjectProvider<WebGraphQlInterceptor> interceptors;

    @Autowired
    ObjectProvider<Instrumentation> instrumentations;

    @Test
    void webInterceptorsRunOutsideIn() {
        assertThat(interceptors.orderedStream().map(Object::getClass)).containsExactly(ErrorCodeInterceptor.class,
                AuthenticationWebSocketInterceptor.class, SubscriptionLimit.class, TimeoutWebGraphQlInterceptor.class,
                RequestContextInterceptor.class);
    }

    @Test
    void limitsAreCheckedBeforeTheGuard() {
        assertThat(instrumentations.orderedStream().map(Object::getClass))
                .containsSubsequence(MaxQueryDepthInstrumentation.class, MaxQueryComplexityInstrumentation.class, OperationGuard.class);
    }
}
