package dev.kippu.lambda;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where Spring Security finds the viewer's bearer token on Lambda. In front of a Function URL,
 * CloudFront's origin access control signs each request in {@code Authorization} itself (Lambda
 * checks that signature); a CloudFront function first copies the viewer's header, the Cognito
 * access token, to {@value #VIEWER_AUTHORIZATION}, which is read here when it is there, and
 * {@code Authorization} otherwise (the HTTP API front door). It grants nothing a caller could not send
 * as {@code Authorization}: whichever header a token comes in, it is verified the same way.
 */
final class ViewerBearerToken implements BearerTokenResolver {

    static final String VIEWER_AUTHORIZATION = "x-kippu-authorization";

    private final DefaultBearerTokenResolver behindCloudFront = new DefaultBearerTokenResolver();
    private final DefaultBearerTokenResolver direct = new DefaultBearerTokenResolver();

    ViewerBearerToken() {
        behindCloudFront.setBearerTokenHeaderName(VIEWER_AUTHORIZATION);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        return (request.getHeader(VIEWER_AUTHORIZATION) != null ? behindCloudFront : direct).resolve(request);
    }
}
