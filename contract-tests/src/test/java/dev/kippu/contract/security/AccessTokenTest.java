package dev.kippu.contract.security;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.PoolTokens.accessClaims;
import static dev.kippu.contract.PoolTokens.signedByAnotherKey;
import static dev.kippu.contract.PoolTokens.signedByThePool;
import static dev.kippu.contract.PoolTokens.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.kippu.contract.ContractTest;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.PoolTokens;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.local.CognitoStandIn;
import dev.kippu.local.UserPool;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Only Cognito access tokens of our pool, for our app client, still valid and unaltered, get a
 * request in. Every other token is refused with 401 before GraphQL runs, even for public queries.
 * Each bad token claims the identity of a real organizer and tries to create an event; the
 * organizer's own list then shows that nothing was created.
 */
@ContractTest
class AccessTokenTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestUser organizer;
    private static TestUser attendee;

    private final KippuApi api;

    AccessTokenTest(KippuApi api) {
        this.api = api;
    }

    @BeforeAll
    static void users() {
        organizer = TestUsers.organizer();
        attendee = TestUsers.attendee();
    }

    // The controls: what a good token gets, so that a refusal below is down to the token alone.

    @Test
    void aSignedInUsersAccessTokenIsAccepted() {
        api.as(organizer).documentName("me").execute()
                .path("me.id").entity(String.class).isEqualTo(organizer.id())
                .path("me.roles").entityList(String.class).contains("ORGANIZER");
    }

    @Test
    void aTokenMintedWithThePoolsKeyAndGoodClaimsIsAccepted() {
        String token = signedByThePool(goodClaims().build());

        String title = uniqueTitle();
        Response created = post(token, "createEvent", Map.of("input", newEvent(title, 10, Instant.now().plus(30, ChronoUnit.DAYS))));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().path("errors").isMissingNode()).as(created.text()).isTrue();
        assertThat(created.body().at("/data/createEvent/organizer/id").asString()).isEqualTo(organizer.id());
        assertThat(organizersEventTitles()).contains(title);
    }

    @Test
    void anAnonymousCallerIsNobody() {
        api.anonymous().documentName("me").execute().path("me").valueIsNull();
    }

    @Test
    void anAnonymousCallerMayNotSeeOrBookAnything() {
        api.anonymous().documentName("myBookings").execute()
                .errors().expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify()
                .path("myBookings").pathDoesNotExist();
        api.anonymous().documentName("bookSeats").variable("input", booking(UUID.randomUUID().toString(), 1)).execute()
                .errors().expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify()
                .path("bookSeats").pathDoesNotExist();
    }

    // Correctly signed by the pool, but with a claim that must not be accepted.

    @Test
    void anExpiredTokenIsRefused() {
        Instant issued = Instant.now().minus(2, ChronoUnit.HOURS);
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims()
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(1, ChronoUnit.HOURS).plus(55, ChronoUnit.MINUTES)))
                .build()));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        UserPool cognito = KippuStandIns.shared().cognito();
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims().issuer(cognito.endpoint() + "/us-east-1_SomeoneElse").build()));
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims().issuer("https://cognito-idp.us-east-1.amazonaws.com/" + cognito.userPoolId()).build()));
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        assertThat(claimsOf(organizer.idToken()).getClaim("token_use")).isEqualTo("id");
        assertRefusedBeforeAnyResolverRuns(organizer.idToken());
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims().claim("token_use", "id").build()));
    }

    @Test
    void aTokenIssuedToAnotherAppClientIsRefused() {
        UserPool cognito = KippuStandIns.shared().cognito();
        String otherClient = cognito.client().createUserPoolClient(client -> client
                        .userPoolId(cognito.userPoolId())
                        .clientName("someone-elses-app-" + UUID.randomUUID().toString().substring(0, 8))
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH))
                .userPoolClient().clientId();
        String token = cognito.client().initiateAuth(auth -> auth
                        .clientId(otherClient)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", organizer.email(), "PASSWORD", TestUsers.PASSWORD)))
                .authenticationResult().accessToken();
        JWTClaimsSet claims = claimsOf(token);
        assertThat(claims.getClaim("client_id")).isEqualTo(otherClient).isNotEqualTo(cognito.clientId());
        assertThat(claims.getClaim("token_use")).isEqualTo("access");
        assertThat(claims.getIssuer()).isEqualTo(cognito.issuer());

        assertRefusedBeforeAnyResolverRuns(token);
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims().claim("client_id", otherClient).build()));
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims().claim("client_id", null).build()));
    }

    @Test
    void aTokenWithoutASubjectIsRefused() {
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims().subject(null).build()));
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims().subject(" ").build()));
    }

    @Test
    void aTokenWithClaimsOfTheWrongTypeIsRefused() {
        UserPool cognito = KippuStandIns.shared().cognito();
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims().claim("client_id", 42).build()));
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims().claim("client_id", List.of(cognito.clientId())).build()));
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims().claim("token_use", List.of("access")).build()));
    }

    @Test
    void aTokenNotValidYetIsRefused() {
        assertRefusedBeforeAnyResolverRuns(signedByThePool(goodClaims().notBeforeTime(Date.from(Instant.now().plus(10, ChronoUnit.MINUTES))).build()));
    }

    // Not signed by the pool.

    @Test
    void anUnsignedTokenIsRefused() {
        String token = unsigned(goodClaims().build());
        assertThat(header(token)).contains("\"alg\":\"none\"");
        assertRefusedBeforeAnyResolverRuns(token);
    }

    @Test
    void aTokenSignedWithAKeyOfUnknownIdIsRefused() {
        assertRefusedBeforeAnyResolverRuns(signedByAnotherKey("unknown-" + UUID.randomUUID(), goodClaims().build()));
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderThePoolsKeyIdIsRefused() {
        assertRefusedBeforeAnyResolverRuns(signedByAnotherKey(PoolTokens.POOL_KEY_ID, goodClaims().build()));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = organizer.accessToken().split("\\.");
        String laterExpiry = parts[0] + "." + withClaim(parts[1], "exp", Instant.now().plus(365, ChronoUnit.DAYS).getEpochSecond()) + "." + parts[2];
        assertRefusedBeforeAnyResolverRuns(laterExpiry);

        String flipped = parts[2].charAt(10) == 'A' ? "B" : "A";
        String brokenSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + flipped + parts[2].substring(11);
        assertRefusedBeforeAnyResolverRuns(brokenSignature);

        String[] attendeeParts = attendee.accessToken().split("\\.");
        String selfPromoted = attendeeParts[0] + "." + withClaim(attendeeParts[1], "cognito:groups", List.of(CognitoStandIn.ORGANIZERS)) + "." + attendeeParts[2];
        assertUnauthenticated(post(selfPromoted, "createEvent", Map.of("input", newEvent(10))));
    }

    @Test
    void somethingThatIsNoTokenAtAllIsRefused() {
        for (String garbage : List.of("garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl", "not a token at all", "x".repeat(4000))) {
            assertRefusedBeforeAnyResolverRuns(garbage);
        }
    }

    /**
     * The token must be refused by the transport (401) with a GraphQL error, both for an operation
     * that needs the user and for a public one, and the mutation must have done nothing.
     */
    private void assertRefusedBeforeAnyResolverRuns(String token) {
        String title = uniqueTitle();
        assertUnauthenticated(post(token, "createEvent", Map.of("input", newEvent(title, 10, Instant.now().plus(30, ChronoUnit.DAYS)))));
        assertUnauthenticated(post(token, "events", Map.of("first", 1)));
        assertThat(organizersEventTitles()).as("events of the organizer the token claimed to be").doesNotContain(title);
    }

    private static void assertUnauthenticated(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(401);
        assertThat(response.wwwAuthenticate()).startsWith("Bearer");
        assertThat(response.body().at("/errors/0/extensions/code").asString()).as(response.text()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.body().path("data").isMissingNode() || response.body().path("data").isNull()).as(response.text()).isTrue();
    }

    private List<String> organizersEventTitles() {
        Response response = post(organizer.accessToken(), "myEvents", Map.of("first", 100));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().path("errors").isMissingNode()).as(response.text()).isTrue();
        return response.body().at("/data/myEvents/edges").valueStream().map(edge -> edge.at("/node/title").asString()).toList();
    }

    /** What the pool would put in an access token of the organizer, signed in through Kippu's app client. */
    private static JWTClaimsSet.Builder goodClaims() {
        return accessClaims(organizer, CognitoStandIn.ORGANIZERS);
    }

    private static String uniqueTitle() {
        return "Token test " + UUID.randomUUID();
    }

    private static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("not a signed JWT: " + token, e);
        }
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static String withClaim(String payload, String claim, Object value) {
        Map<String, Object> claims = new LinkedHashMap<>(JSON.readValue(Base64.getUrlDecoder().decode(payload), Map.class));
        assertThat(claims).containsKey("sub");
        claims.put(claim, value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(claims));
    }


    private Response post(String token, String documentName, Map<String, Object> variables) {
        try {
            String document = new ClassPathResource("graphql-test/" + documentName + ".graphql").getContentAsString(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(api.endpoint())
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/graphql-response+json, application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document, "variables", variables))))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private record Response(int status, String wwwAuthenticate, String text) {

        JsonNode body() {
            return JSON.readTree(text);
        }
    }
}
