package dev.kippu.platform.graphql;

import java.util.List;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

import jakarta.servlet.RequestDispatcher;

/**
 * A request to the GraphQL endpoint that Spring refuses before GraphQL sees it (a body that is no
 * JSON object, a batch, a JSON document nested too deep) gets Spring Boot's error response. For
 * that endpoint its body is a GraphQL response with one error and a contract code: the web front
 * end reads {@code errors[0].extensions.code} of every response, and a response labelled
 * {@code application/graphql-response+json} must be one. Other paths keep Spring Boot's body.
 */
@Component
class GraphQlErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST) instanceof String path
                && path.startsWith("/graphql"))) {
            return super.getErrorAttributes(request, options);
        }
        boolean callersFault = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST) instanceof Integer status
                && status >= 400 && status < 500;
        ErrorCode code = callersFault ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL;
        String message = callersFault
                ? "This is not a GraphQL request: POST a JSON object with a query (Content-Type: application/json)."
                : "Something went wrong on our side; try again later.";
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code.name()))));
    }
}
