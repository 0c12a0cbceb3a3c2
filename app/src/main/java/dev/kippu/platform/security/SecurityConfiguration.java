package dev.kippu.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.graphql.server.support.AuthenticationExtractor;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webmvc.AuthenticationWebSocketInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import dev.kippu.platform.graphql.ErrorCode;
import dev.kippu.platform.graphql.GraphQlPipeline;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens only: no sessions, cookies or CSRF tokens. A request with a token is authenticated
 * before it reaches GraphQL, and a bad token is refused with 401 and a GraphQL-shaped error. Who a
 * valid token names is the account feature's to say (a {@code Converter<Jwt, AbstractAuthenticationToken>}). Which
 * operation needs a signed-in user, and which user may do what, is decided by the application
 * ({@code platform.graphql.OperationGuard} and the use cases), so every HTTP path is open here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(CognitoProperties cognito) {
        return CognitoAccessTokens.decoder(cognito);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, Converter<Jwt, AbstractAuthenticationToken> users, JsonMapper json)
            throws Exception {
        AuthenticationEntryPoint invalidToken = (request, response, failure) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            response.setContentType("application/graphql-response+json");
            writeError(json, response.getOutputStream(), "The access token is missing, expired or invalid: sign in again.");
        };
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(invalidToken)
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(users)))
                .build();
    }

    /**
     * GraphQL over WebSocket: browsers cannot set headers on a WebSocket, so the access token comes
     * in the {@code connection_init} payload, {@code {"Authorization": "Bearer <token>"}}. It is
     * verified by the same decoder and turned into the same user as over HTTP. A bad token, or an
     * {@code Authorization} that is no bearer token, closes the connection (4401 Unauthorized)
     * before any operation runs; no {@code Authorization} means an anonymous connection. The user
     * reaches the operations of the connection through the Reactor context, which is why this runs
     * ahead of (outside) {@code RequestContextInterceptor}.
     * <p>
     * The token is checked once per connection: a connection outlives its token's expiry, as it
     * would behind any WebSocket gateway; what it may see is public or the organizer's own draft.
     */
    @Bean
    @Order(GraphQlPipeline.WEBSOCKET_AUTHENTICATION)
    AuthenticationWebSocketInterceptor webSocketAuthentication(JwtDecoder decoder, Converter<Jwt, AbstractAuthenticationToken> users) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(users);
        return new AuthenticationWebSocketInterceptor(bearerTokenIn(new BearerTokenAuthenticationExtractor()), new ProviderManager(provider));
    }

    /** Spring's extractor, but an {@code Authorization} that is no string is a bad request too (not a ClassCastException). */
    private static AuthenticationExtractor bearerTokenIn(AuthenticationExtractor extractor) {
        return payload -> {
            try {
                return extractor.getAuthentication(payload);
            } catch (ClassCastException notText) {
                return Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("Authorization must be text")));
            }
        };
    }

    private static void writeError(JsonMapper json, java.io.OutputStream out, String message) throws IOException {
        json.writeValue(out, Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", ErrorCode.UNAUTHENTICATED.name())))));
    }
}
