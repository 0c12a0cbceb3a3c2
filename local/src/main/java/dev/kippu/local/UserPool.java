package dev.kippu.local;

import java.util.Map;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * Kippu's user pool on a Cognito stand-in, reached by its coordinates (endpoint, pool id, app
 * client id): whether this JVM started the stand-in or another process did.
 */
public final class UserPool implements AutoCloseable {

    private final String endpoint;
    private final String userPoolId;
    private final String clientId;
    private final CognitoIdentityProviderClient client;

    private UserPool(String endpoint, String userPoolId, String clientId, CognitoIdentityProviderClient client) {
        this.endpoint = endpoint;
        this.userPoolId = userPoolId;
        this.clientId = clientId;
        this.client = client;
    }

    /** The pool at those coordinates, with a client of its own (closed with it). */
    public static UserPool at(String endpoint, String userPoolId, String clientId) {
        return new UserPool(endpoint, userPoolId, clientId, LocalClients.at(endpoint, CognitoIdentityProviderClient.builder()).build());
    }

    public String endpoint() {
        return endpoint;
    }

    public String userPoolId() {
        return userPoolId;
    }

    public String clientId() {
        return clientId;
    }

    /** The {@code iss} claim of the pool's tokens. */
    public String issuer() {
        return endpoint + "/" + userPoolId;
    }

    public String jwkSetUri() {
        return issuer() + "/.well-known/jwks.json";
    }

    public CognitoIdentityProviderClient client() {
        return client;
    }

    /** Creates a confirmed user with a permanent password; returns the user's {@code sub}. */
    public String createUser(String email, String password, String displayName, String... groups) {
        return createUserSpeaking("en", email, password, displayName, groups);
    }

    /** {@link #createUser} for a user whose {@code locale} attribute is {@code languageTag}. */
    public String createUserSpeaking(String languageTag, String email, String password, String displayName, String... groups) {
        String username = client.adminCreateUser(r -> r.userPoolId(userPoolId).username(email)
                        .messageAction(MessageActionType.SUPPRESS)
                        .userAttributes(attribute("email", email), attribute("email_verified", "true"), attribute("name", displayName),
                                attribute("locale", languageTag)))
                .user().username();
        client.adminSetUserPassword(r -> r.userPoolId(userPoolId).username(username).password(password).permanent(true));
        for (String group : groups) {
            client.adminAddUserToGroup(r -> r.userPoolId(userPoolId).username(username).groupName(group));
        }
        return client.adminGetUser(r -> r.userPoolId(userPoolId).username(username)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }

    /** Signs in the way the web front end does (USER_PASSWORD_AUTH). */
    public AuthenticationResultType signIn(String email, String password) {
        return client.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password))).authenticationResult();
    }

    @Override
    public void close() {
        client.close();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
