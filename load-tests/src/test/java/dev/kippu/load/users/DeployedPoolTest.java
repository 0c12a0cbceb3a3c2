package dev.kippu.load.users;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kippu.local.CognitoStandIn;
import dev.kippu.local.UserPool;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminSetUserPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminSetUserPasswordResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deployed pool's minting and clean-up, against cognito-local in the shape of Kippu's pool. */
class DeployedPoolTest {

    private static final CognitoQuotas NO_PAUSES = new CognitoQuotas(100, Duration.ofMillis(1), 3);

    private static CognitoStandIn cognito;

    @TempDir
    Path folder;

    @BeforeAll
    static void startCognito() {
        cognito = CognitoStandIn.start();
    }

    @AfterAll
    static void stopCognito() {
        cognito.close();
    }

    @AfterEach
    void deleteEveryone() {
        UserPool pool = cognito.pool();
        pool.client().listUsers(r -> r.userPoolId(pool.userPoolId())).users()
                .forEach(user -> pool.client().adminDeleteUser(r -> r.userPoolId(pool.userPoolId()).username(user.username())));
    }

    @Test
    void mintsTheOrganizerAndTheAttendeesWithTheLoadPrefix() {
        LoadUsers.Minted minted = new LoadUsers(deployedPool(), folder).mint(3, Duration.ofMinutes(10));

        assertThat(emailsInThePool()).containsExactlyInAnyOrder("load-organizer@example.test",
                "load-attendee-1@example.test", "load-attendee-2@example.test", "load-attendee-3@example.test");
        assertThat(minted.created()).isEqualTo(4);
        assertThat(minted.signedIn()).isEqualTo(4);
        assertThat(minted.organizer().email()).isEqualTo("load-organizer@example.test");
        assertThat(minted.attendees()).extracting(LoadUsers.LoadUser::email)
                .containsExactly("load-attendee-1@example.test", "load-attendee-2@example.test", "load-attendee-3@example.test");
    }

    @Test
    void theirTokensAreAccessTokensThePoolSignedForTheWebClient() throws Exception {
        LoadUsers.Minted minted = new LoadUsers(deployedPool(), folder).mint(1, Duration.ofMinutes(10));

        JWTClaimsSet organizer = verifiedByThePool(minted.organizer().accessToken());
        JWTClaimsSet attendee = verifiedByThePool(minted.attendees().getFirst().accessToken());

        UserPool pool = cognito.pool();
        for (JWTClaimsSet claims : List.of(organizer, attendee)) {
            assertThat(claims.getIssuer()).isEqualTo(pool.issuer());
            assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
            assertThat(claims.getStringClaim("client_id")).isEqualTo(pool.clientId());
        }
        assertThat(organizer.getStringListClaim("cognito:groups")).containsExactly(CognitoStandIn.ORGANIZERS);
        assertThat(attendee.getStringListClaim("cognito:groups")).isNullOrEmpty();
    }

    @Test
    void theCleanUpDeletesTheLoadUsersOnlyAndForgetsTheirTokens() {
        UserPool pool = cognito.pool();
        pool.createUser("someone@example.test", "Test-Passw0rd!", "Someone");
        pool.createUser("load-fan@example.test", "Test-Passw0rd!", "Not minted by a load run");
        DeployedPool deployed = deployedPool();
        new LoadUsers(deployed, folder).mint(2, Duration.ofMinutes(10));
        assertThat(folder.resolve(pool.userPoolId() + ".json")).exists();

        int deleted = DeployedPoolCleanup.cleanUp(deployed, folder);

        assertThat(deleted).isEqualTo(3);
        assertThat(emailsInThePool()).containsExactlyInAnyOrder("someone@example.test", "load-fan@example.test");
        assertThat(Files.exists(folder.resolve(pool.userPoolId() + ".json"))).isFalse();
    }

    @Test
    void aLaterRunTakesOverTheUsersOfARunCutShortWithItsOwnPassword() {
        new LoadUsers(deployedPool(), folder).mint(2, Duration.ofMinutes(10));

        // another password; kept tokens that would expire during a day-long run, so all of them signed in again
        LoadUsers.Minted kept = new LoadUsers(deployedPool(), folder).mint(2, Duration.ofDays(1));
        // the kept tokens forgotten: every user created again over the one left behind
        Path elsewhere = folder.resolve("elsewhere");
        LoadUsers.Minted recreated = new LoadUsers(deployedPool(), elsewhere).mint(2, Duration.ofMinutes(10));

        assertThat(kept.created()).isZero();
        assertThat(kept.signedIn()).isEqualTo(3);
        assertThat(recreated.created()).isEqualTo(3);
        assertThat(recreated.signedIn()).isEqualTo(3);
        assertThat(emailsInThePool()).hasSize(3);
    }

    @Test
    void aThrottledRequestIsSentAgainAfterAPause() {
        AtomicInteger attempts = new AtomicInteger();
        DeployedPool pool = new DeployedPool(throttlingTwice(attempts), "us-east-1_Load", "client", NO_PAUSES);

        pool.createUser("load-attendee-1@example.test", "Load Attendee 1", false);

        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRequestStillThrottledAfterItsLastAttemptFails() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> NO_PAUSES.call(CognitoQuotas.Category.USER_CREATION, () -> {
            attempts.incrementAndGet();
            throw TooManyRequestsException.builder().message("Too many requests").build();
        })).isInstanceOf(TooManyRequestsException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void requestsOfACategoryArePacedUnderItsShareOfTheQuota() {
        // a tenth of UserList's 30 per second: 3 a second, so the 4th request waits a second after the 1st
        CognitoQuotas quotas = new CognitoQuotas(0.1, Duration.ofMillis(1), 1);
        long started = System.nanoTime();

        for (int i = 0; i < 4; i++) {
            quotas.call(CognitoQuotas.Category.USER_LIST, () -> "listed");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void aPoolIdWithoutItsRegionIsRefused() {
        assertThatThrownBy(() -> DeployedPool.at("AbC123", "client")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<region>_<id>");
    }

    private static DeployedPool deployedPool() {
        UserPool pool = cognito.pool();
        return new DeployedPool(pool.client(), pool.userPoolId(), pool.clientId(), NO_PAUSES);
    }

    private static List<String> emailsInThePool() {
        UserPool pool = cognito.pool();
        return pool.client().listUsers(r -> r.userPoolId(pool.userPoolId())).users().stream()
                .flatMap(user -> user.attributes().stream()).filter(a -> a.name().equals("email")).map(a -> a.value()).toList();
    }

    private static JWTClaimsSet verifiedByThePool(String accessToken) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(URI.create(cognito.pool().jwkSetUri()).toURL()).build()));
        return processor.process(accessToken, null);
    }

    /** Answers AdminCreateUser with TooManyRequestsException twice, then creates; sets passwords. */
    private static CognitoIdentityProviderClient throttlingTwice(AtomicInteger attempts) {
        return new CognitoIdentityProviderClient() {

            @Override
            public AdminCreateUserResponse adminCreateUser(AdminCreateUserRequest request) {
                if (attempts.incrementAndGet() <= 2) {
                    throw TooManyRequestsException.builder().message("Too many requests").build();
                }
                return AdminCreateUserResponse.builder().user(UserType.builder().username(request.username()).build()).build();
            }

            @Override
            public AdminSetUserPasswordResponse adminSetUserPassword(AdminSetUserPasswordRequest request) {
                return AdminSetUserPasswordResponse.builder().build();
            }

            @Override
            public String serviceName() {
                return "cognito-idp";
            }

            @Override
            public void close() {
            }
        };
    }
}
