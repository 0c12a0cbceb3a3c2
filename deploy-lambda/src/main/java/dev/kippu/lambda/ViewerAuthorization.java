package dev.kippu.lambda;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The viewer's {@code Authorization} where CloudFront's origin access control moved it. In front of
 * a Function URL, CloudFront signs each request in {@code Authorization} itself (Lambda checks that
 * signature); a CloudFront function first copies the viewer's header, the Cognito access token, to
 * {@value #VIEWER_AUTHORIZATION}. Here it becomes {@code Authorization} again, before Spring
 * Security reads it, so that a token is checked the same way on every runtime. It grants nothing a
 * caller could not send as {@code Authorization}: whichever header a token comes in, it is verified.
 */
final class ViewerAuthorization extends OncePerRequestFilter {

    static final String VIEWER_AUTHORIZATION = "x-kippu-authorization";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String viewers = request.getHeader(VIEWER_AUTHORIZATION);
        chain.doFilter(viewers == null ? request : new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? viewers : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.enumeration(List.of(viewers)) : super.getHeaders(name);
            }
        }, response);
    }
}
