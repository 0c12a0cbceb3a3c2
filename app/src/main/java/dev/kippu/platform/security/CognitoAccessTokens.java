package dev.kippu.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.kippu.account.CurrentUser;
import dev.kippu.account.Role;

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

    static AbstractAuthenticationToken authentication(Jwt token, CognitoProperties cognito) {
        List<String> groups = token.getClaimAsStringList("cognito:groups");
        Set<Role> roles = EnumSet.of(Role.ATTENDEE);
        if (groups != null && groups.contains(cognito.organizersGroup())) {
            roles.add(Role.ORGANIZER);
        }
        String username = token.getClaimAsString("username");
        CurrentUser user = new CurrentUser(token.getSubject(), username != null ? username : token.getSubject(), roles);
        return new CurrentUserAuthentication(user, token);
    }

    /** An authenticated request: the verified token and the user it names. */
    static final class CurrentUserAuthentication extends AbstractAuthenticationToken {

        private final CurrentUser user;
        private final Jwt token;

        CurrentUserAuthentication(CurrentUser user, Jwt token) {
            super(user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
            this.user = user;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public CurrentUser getPrincipal() {
            return user;
        }

        @Override
        public Jwt getCredentials() {
            return token;
        }
    }
}
