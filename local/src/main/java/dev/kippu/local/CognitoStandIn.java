package dev.kippu.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * cognito-local with one user pool, a public app client that signs in with USER_PASSWORD_AUTH, and the
 * {@code organizers} group: the shape of Kippu's Cognito set-up in AWS. As there, e-mail addresses are
 * the user names and a sign-up is confirmed with a code sent to the address (cognito-local keeps it
 * with the user; {@link VerificationMail} e-mails it).
 */
public final class CognitoStandIn implements AutoCloseable {

    public static final String ORGANIZERS = "organizers";

    private final StandInProcess process;
    private final UserPool pool;

    private CognitoStandIn(StandInProcess process) {
        this.process = process;
        try (CognitoIdentityProviderClient client = LocalClients.at(process.endpoint(), CognitoIdentityProviderClient.builder()).build()) {
            // the verification e-mail of deploy-shared's KippuUserPool
            String userPoolId = client.createUserPool(r -> r.poolName("kippu")
                    .usernameAttributes(UsernameAttributeType.EMAIL)
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .emailVerificationSubject("Your Kippu verification code")
                    .emailVerificationMessage("Your Kippu verification code is {####}")).userPool().id();
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

    /** The file cognito-local keeps the pool's users in (as JSON, rewritten on every change), codes they were sent included. */
    public Path poolFile() {
        return process.directory().resolve(".cognito/db/" + pool.userPoolId() + ".json");
    }

    @Override
    public void close() {
        pool.close();
        process.close();
    }
}
