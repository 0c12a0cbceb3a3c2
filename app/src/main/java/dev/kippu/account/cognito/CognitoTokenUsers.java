package dev.kippu.account.cognito;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import dev.kippu.account.CurrentUser;
import dev.kippu.account.Role;
import dev.kippu.platform.security.CognitoProperties;

/**
 * The user a verified Cognito access token names (the platform verifies it): {@code sub} is the id,
 * {@code username} the pool's user name, and membership of the organizers group
 * ({@code cognito:groups}) makes an organizer. Every signed-in user attends.
 */
@Component
class CognitoTokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String organizersGroup;

    CognitoTokenUsers(CognitoProperties cognito) {
        this.organizersGroup = cognito.organizersGroup();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        List<String> groups = token.getClaimAsStringList("cognito:groups");
        Set<Role> roles = EnumSet.of(Role.ATTENDEE);
        if (groups != null && groups.contains(organizersGroup)) {
            roles.add(Role.ORGANIZER);
        }
        String username = token.getClaimAsString("username");
        return new CurrentUserAuthentication(new CurrentUser(token.getSubject(), username != null ? username : token.getSubject(), roles), token);
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
