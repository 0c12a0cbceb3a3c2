package dev.kippu.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens only: no sessions, cookies or CSRF tokens. A request with a token is authenticated
 * before it reaches GraphQL, and a bad token is refused with 401 and a GraphQL-shaped error. Which
 * operation needs a signed-in user, and which user may do what, is decided by the application
 * ({@code platform.graphql.SignInRequired} and the use cases), so every HTTP path is open here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(CognitoProperties cognito) {
        return CognitoAccessTokens.decoder(cognito);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, CognitoProperties cognito, JsonMapper json) throws Exception {
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
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(token -> CognitoAccessTokens.authentication(token, cognito))))
                .build();
    }

    private static void writeError(JsonMapper json, java.io.OutputStream out, String message) throws IOException {
        json.writeValue(out, Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", "UNAUTHENTICATED")))));
    }
}
