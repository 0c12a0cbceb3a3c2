package dev.kippu.platform.graphql;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlSseHandler;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * GraphQL over HTTP with {@code Accept: text/event-stream}. Subscriptions are refused over HTTP
 * ({@link OperationGuard}), and Spring's handler replaces any answer that is not a stream by an
 * uncoded "SSE handler supports only subscriptions". This one sends the answer itself as the one
 * event of the stream, so the refusal keeps its {@code BAD_REQUEST} and its advice.
 */
class CodedSseHandler extends GraphQlSseHandler {

    CodedSseHandler(WebGraphQlHandler graphQlHandler, @Nullable Duration timeout, @Nullable Duration keepAlive) {
        super(graphQlHandler, timeout, keepAlive);
    }

    @Override
    protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responseMono) {
        return super.prepareResponse(request, responseMono.map(response -> response.getData() instanceof Publisher<?>
                ? response
                : response.transform(builder -> builder.data(Flux.just(response.getExecutionResult())))));
    }
}
