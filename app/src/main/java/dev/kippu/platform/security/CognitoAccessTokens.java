package dev.kippu.platform.security;

import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies Cognito access tokens the way Cognito's documentation asks: RS256 signature by a key of
 * the pool's JWKS, {@code iss} of the pool, {@code token_use = access}, {@code client_id} of one of
 * our app clients, {@code exp}/{@code nbf} (60 s leeway). Cognito access tokens carry no
 * {@code aud}, so the client check replaces the audience check.
 */
final class CognitoAccessTokens {

    private CognitoAccessTokens() {
    }

    static JwtDecoder decoder(CognitoProperties cognito) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(cognito.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = List.of(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(cognito.issuer()),
                new JwtClaimValidator<Object>("token_use", "access"::equals),
                // A claim may be missing or of any JSON type (an ID token has no client_id): such a
                // token is invalid (401), so no test may throw (List.copyOf(..).contains(null) does).
                new JwtClaimValidator<Object>("client_id", clientId -> clientId instanceof String id && cognito.clientIds().contains(id)),
                new JwtClaimValidator<Object>("sub", sub -> sub instanceof String id && !id.isBlank()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
