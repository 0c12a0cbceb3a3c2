package dev.kippu.platform.graphql;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses GraphQL request bodies over the limit with 413 before they are read: a legitimate
 * Kippu operation is a few kilobytes. A body without a length (chunked) is cut off at the limit,
 * which then fails as malformed JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final GraphQlLimits limits;

    RequestSizeLimitFilter(GraphQlLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/graphql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limits.maxRequestBytes()) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType("application/json");
            response.getWriter().write("{\"errors\":[{\"message\":\"The request body is larger than "
                    + limits.maxRequestBytes() + " bytes.\",\"extensions\":{\"code\":\"BAD_REQUEST\"}}]}");
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, limits.maxRequestBytes()), response);
    }
}
