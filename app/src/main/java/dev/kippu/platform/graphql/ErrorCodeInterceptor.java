package dev.kippu.platform.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

/** Gives every error in a response one of the contract's codes ({@link ErrorCode}). */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor, Ordered {

    @Override
    public int getOrder() {
        return GraphQlPipeline.ERROR_CODES;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> response.getErrors().stream().allMatch(ErrorCodeInterceptor::hasCode)
                ? response
                : response.transform(builder -> builder.errors(response.getErrors().stream().map(ErrorCodeInterceptor::withCode).toList())));
    }

    private static boolean hasCode(ResponseError error) {
        return error.getExtensions().get("code") instanceof String code && ErrorCode.named(code);
    }

    private static GraphQLError withCode(ResponseError error) {
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.put("code", ErrorCode.of(error.getExtensions(), error.getErrorType()).name());
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .errorType(error.getErrorType())
                .locations(error.getLocations())
                .extensions(extensions);
        List<Object> path = error.getParsedPath();
        return (path.isEmpty() ? builder : builder.path(path)).build();
    }
}
