package dev.kippu.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.local.LocalDirectory;
import dev.kippu.local.UserPool;

/**
 * Mints tokens the way the local user pool does, for tests that need a token which is correctly
 * signed but says something a real sign-in never would (expired, another issuer, another client).
 * cognito-local signs with one fixed RSA key, shipped in its package; this signs with the same key.
 */
public final class PoolTokens {

    /** The {@code kid} under which the local pool publishes its signing key. */
    public static final String POOL_KEY_ID = "CognitoLocal";

    private static RSAKey poolKey;

    private PoolTokens() {
    }

    /** The claims of a fresh access token for {@code user}, as the pool would issue it to Kippu's app client. */
    public static JWTClaimsSet.Builder accessClaims(TestUser user, String... groups) {
        UserPool cognito = KippuStandIns.shared().cognito();
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(user.id())
                .issuer(cognito.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString())
                .claim("auth_time", now.getEpochSecond())
                .claim("token_use", "access")
                .claim("client_id", cognito.clientId())
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("username", usernameIn(user.accessToken()))
                .claim("cognito:groups", List.of(groups));
    }

    /** Signed with the pool's own key under its own {@code kid}: only the claims can make it invalid. */
    public static String signedByThePool(JWTClaimsSet claims) {
        return sign(poolKey(), claims);
    }

    /** Signed with a key the pool never published. */
    public static String signedByAnotherKey(String keyId, JWTClaimsSet claims) {
        try {
            return sign(new RSAKeyGenerator(2048).keyID(keyId).generate(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured JWT: {@code "alg": "none"} and an empty signature. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** The pool's signing key, public and private parts. */
    public static synchronized RSAKey poolKey() {
        if (poolKey == null) {
            Path file = LocalDirectory.withPackages().resolve("node_modules/cognito-local/lib/keys/cognitoLocal.private.json");
            try {
                Map<String, Object> json = JSONObjectUtils.parse(Files.readString(file));
                poolKey = RSAKey.parse(JSONObjectUtils.getJSONObject(json, "jwk"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ParseException e) {
                throw new IllegalStateException("cannot read cognito-local's signing key from " + file, e);
            }
            if (!POOL_KEY_ID.equals(poolKey.getKeyID())) {
                throw new IllegalStateException("cognito-local's signing key has kid " + poolKey.getKeyID() + ", expected " + POOL_KEY_ID);
            }
        }
        return poolKey;
    }

    private static String usernameIn(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("username");
        } catch (ParseException e) {
            throw new IllegalStateException("not a JWT: " + accessToken, e);
        }
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            JWSSigner signer = new RSASSASigner(key);
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
