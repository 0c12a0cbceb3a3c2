package dev.kippu.local;

import java.time.Duration;
import java.util.Map;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * cognito-local with one user pool, a public app client that signs in with USER_PASSWORD_AUTH, and the
 * {@code organizers} group: the shape of Kippu's Cognito set-up in AWS.
 */
public final class CognitoStandIn implements AutoCloseable {

    public static final String ORGANIZERS = "organizers";

    private final StandInProcess process;
    private final UserPool pool;

    private CognitoStandIn(StandInProcess process) {
        this.process = process;
        try (CognitoIdentityProviderClient client = LocalClients.at(process.endpoint(), CognitoIdentityProviderClient.builder()).build()) {
            String userPoolId = client.createUserPool(r -> r.poolName("kippu")).userPool().id();
            String clientId = client.createUserPoolClient(r -> r.userPoolId(userPoolId).clientName("kippu-web")
                            .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                    .userPoolClient().clientId();
            client.createGroup(r -> r.userPoolId(userPoolId).groupName(ORGANIZERS));
            this.pool = UserPool.at(process.endpoint(), userPoolId, clientId);
        }
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

    /** Kippu's pool on this stand-in. */
    public UserPool pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        process.close();
    }
}
