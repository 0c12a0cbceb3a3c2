package dev.kippu.load.users;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kippu.load.users.CognitoQuotas.Category;
import dev.kippu.local.CognitoStandIn;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Kippu's user pool in AWS (deploy-shared's {@code KippuUserPool}), where the virtual users of a run
 * against a deployment are minted and deleted after it. Users are created confirmed, without an
 * invitation ({@code AdminCreateUser} with {@code SUPPRESS}, their {@code example.test} address
 * marked verified), given a password that this object draws at random and keeps only in memory
 * ({@code AdminSetUserPassword}, permanent), and signed in through the web client's
 * {@code USER_PASSWORD_AUTH} ({@code InitiateAuth}, which IAM does not authorise). The operator needs
 * {@code cognito-idp:AdminCreateUser}, {@code AdminSetUserPassword}, {@code AdminAddUserToGroup},
 * {@code ListUsers} and {@code AdminDeleteUser} on the pool, with credentials from the SDK's default
 * chain. Calls are paced under half of Cognito's request-rate quotas ({@link CognitoQuotas}).
 * Sources: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html
 */
public final class DeployedPool implements LoadUserPool, AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CognitoIdentityProviderClient client;
    private final String userPoolId;
    private final String clientId;
    private final CognitoQuotas quotas;
    private final String password = randomPassword();
    private final Set<String> givenThePassword = new HashSet<>();

    DeployedPool(CognitoIdentityProviderClient client, String userPoolId, String clientId, CognitoQuotas quotas) {
        this.client = client;
        this.userPoolId = userPoolId;
        this.clientId = clientId;
        this.quotas = quotas;
    }

    /**
     * The pool of {@code KIPPU_USER_POOL_ID} and its web client {@code KIPPU_USER_POOL_CLIENT_ID}
     * (the shared stack's outputs {@code UserPoolId} and {@code WebClientId}), each a {@code -D}
     * property or an environment variable.
     */
    public static DeployedPool fromEnvironment() {
        return at(variable("KIPPU_USER_POOL_ID"), variable("KIPPU_USER_POOL_CLIENT_ID"));
    }

    /** In the pool's Region, which begins its id ({@code eu-west-1_AbC123}), with the SDK's default credentials. */
    public static DeployedPool at(String userPoolId, String clientId) {
        int underscore = userPoolId.indexOf('_');
        if (underscore < 1) {
            throw new IllegalArgumentException("a user pool id is <region>_<id>, such as eu-west-1_AbC123: " + userPoolId);
        }
        CognitoIdentityProviderClient client = CognitoIdentityProviderClient.builder().region(Region.of(userPoolId.substring(0, underscore))).build();
        return new DeployedPool(client, userPoolId, clientId, CognitoQuotas.halfOfTheDefaults());
    }

    @Override
    public String userPoolId() {
        return userPoolId;
    }

    /** A user an earlier run left behind (cut short before its clean-up) is taken over with this run's password. */
    @Override
    public void createUser(String email, String displayName, boolean organizer) {
        try {
            quotas.call(Category.USER_CREATION, () -> client.adminCreateUser(r -> r.userPoolId(userPoolId).username(email)
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(attribute("email", email), attribute("email_verified", "true"), attribute("name", displayName))));
        } catch (UsernameExistsException leftBehind) {
            // the password below makes it this run's
        }
        givePassword(email);
        if (organizer) {
            // the stand-in's group is named as the deployed pool's
            quotas.call(Category.USER_RESOURCE_UPDATE, () -> client.adminAddUserToGroup(r -> r.userPoolId(userPoolId).username(email)
                    .groupName(CognitoStandIn.ORGANIZERS)));
        }
    }

    /** A user kept from an earlier run, whose password died with it, is given this run's first. */
    @Override
    public String signIn(String email) {
        if (!givenThePassword.contains(email)) {
            givePassword(email);
        }
        return quotas.call(Category.USER_AUTHENTICATION, () -> client.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password)))).authenticationResult().accessToken();
    }

    /** Deletes every load user ({@link LoadUsers#isLoadUser}) from the pool, whichever run made it; returns how many. */
    public int deleteLoadUsers() {
        // listed in full first: a pagination token is not promised to survive deletions under it
        List<String> usernames = new ArrayList<>();
        String nextPage = null;
        do {
            String page = nextPage;
            ListUsersResponse listed = quotas.call(Category.USER_LIST, () -> client.listUsers(r -> r.userPoolId(userPoolId)
                    .filter("email ^= \"" + LoadUsers.EMAIL_PREFIX + "\"").attributesToGet("email").paginationToken(page)));
            listed.users().stream().filter(user -> LoadUsers.isLoadUser(email(user))).map(UserType::username).forEach(usernames::add);
            nextPage = listed.paginationToken();
        } while (nextPage != null);
        for (String username : usernames) {
            quotas.call(Category.USER_UPDATE, () -> client.adminDeleteUser(r -> r.userPoolId(userPoolId).username(username)));
        }
        givenThePassword.clear();
        return usernames.size();
    }

    @Override
    public void close() {
        client.close();
    }

    private void givePassword(String email) {
        quotas.call(Category.USER_ACCOUNT_RECOVERY, () -> client.adminSetUserPassword(r -> r.userPoolId(userPoolId).username(email)
                .password(password).permanent(true)));
        givenThePassword.add(email);
    }

    private static String email(UserType user) {
        return user.attributes().stream().filter(a -> a.name().equals("email")).map(AttributeType::value).findFirst().orElse("");
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    /** 32 random characters, then one of each kind the pool's password policy requires, which a random draw may lack. */
    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "aA1-";
    }

    private static String variable(String name) {
        String value = System.getProperty(name, System.getenv(name));
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("set " + name + " (-D" + name + "=… or the environment variable) to mint the load users in the deployed pool");
        }
        return value;
    }
}
