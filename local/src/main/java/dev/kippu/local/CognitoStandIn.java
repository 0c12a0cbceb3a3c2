package dev.kippu.local;

import java.time.Duration;
import java.util.Map;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * cognito-local with one user pool, a public app client that signs in with USER_PASSWORD_AUTH, and the
 * {@code organizers} group: the shape of Kippu's Cognito set-up in AWS.
 */
public final class CognitoStandIn implements AutoCloseable {

    public static final String ORGANIZERS = "organizers";

    private final StandInProcess process;
    private final CognitoIdentityProviderClient client;
    private final String userPoolId;
    private final String clientId;

    private CognitoStandIn(StandInProcess process) {
        this.process = process;
        this.client = LocalClients.at(process.endpoint(), CognitoIdentityProviderClient.builder()).build();
        this.userPoolId = client.createUserPool(r -> r.poolName("kippu")).userPool().id();
        this.clientId = client.createUserPoolClient(r -> r.userPoolId(userPoolId).clientName("kippu-web")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
        client.createGroup(r -> r.userPoolId(userPoolId).groupName(ORGANIZERS));
    }

    public static CognitoStandIn start() {
        return start(StandInProcess.freePort());
    }

    public static CognitoStandIn start(int port) {
        return StandInProcess.start("cognito-local",
                LocalDirectory.nodeCommand("node_modules/cognito-local/lib/bin/start.js"),
                Map.of("PORT", Integer.toString(port), "HOST", "127.0.0.1", "NODE_NO_WARNINGS", "1"),
                port, Duration.ofSeconds(30)).wrap(CognitoStandIn::new);
    }

    public String endpoint() {
        return process.endpoint();
    }

    public String userPoolId() {
        return userPoolId;
    }

    public String clientId() {
        return clientId;
    }

    /** The {@code iss} claim of the pool's tokens. */
    public String issuer() {
        return endpoint() + "/" + userPoolId;
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
        process.close();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
