package dev.kippu.account.cognito;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.kippu.account.CurrentUser;
import dev.kippu.account.UserDirectory;
import dev.kippu.account.UserProfile;
import dev.kippu.platform.security.CognitoProperties;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Reads a user's name and e-mail address from the Cognito user pool (needs {@code cognito-idp:AdminGetUser}). */
@Component
class CognitoUserDirectory implements UserDirectory {

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    CognitoUserDirectory(CognitoIdentityProviderClient cognito, CognitoProperties properties) {
        this.cognito = cognito;
        this.userPoolId = properties.userPoolId();
    }

    @Override
    public Optional<UserProfile> lookUp(CurrentUser user) {
        try {
            Map<String, String> attributes = cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(user.username()))
                    .userAttributes().stream()
                    .collect(Collectors.toMap(AttributeType::name, AttributeType::value, (first, second) -> first));
            String email = attributes.get("email");
            String name = attributes.getOrDefault("name", attributes.getOrDefault("preferred_username",
                    email != null ? email.substring(0, email.indexOf('@') < 0 ? email.length() : email.indexOf('@')) : user.username()));
            String locale = attributes.get("locale");
            return Optional.of(new UserProfile(user.id(), name, email, locale == null ? null : Locale.forLanguageTag(locale)));
        } catch (UserNotFoundException gone) {
            return Optional.empty();
        }
    }
}
