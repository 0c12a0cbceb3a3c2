package dev.kippu.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Cognito user pool whose access tokens the API accepts.
 *
 * @param userPoolId      the pool, e.g. {@code eu-west-1_AbC123}
 * @param issuer          the tokens' {@code iss}; defaults to {@code https://cognito-idp.<region>.amazonaws.com/<pool>}
 * @param jwkSetUri       where the pool's signing keys are; defaults to {@code <issuer>/.well-known/jwks.json}
 * @param clientIds       the app clients whose tokens are accepted ({@code client_id} claim)
 * @param organizersGroup the group whose members are organizers
 */
@ConfigurationProperties("kippu.cognito")
public record CognitoProperties(
        @DefaultValue("us-east-1") String region,
        String userPoolId,
        String issuer,
        String jwkSetUri,
        List<String> clientIds,
        @DefaultValue("organizers") String organizersGroup) {

    public CognitoProperties {
        if (userPoolId == null || userPoolId.isBlank()) {
            throw new IllegalArgumentException("kippu.cognito.user-pool-id is required");
        }
        if (clientIds == null || clientIds.isEmpty()) {
            throw new IllegalArgumentException("kippu.cognito.client-ids needs at least one app client id");
        }
        clientIds = List.copyOf(clientIds);
        if (issuer == null || issuer.isBlank()) {
            issuer = "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuer + "/.well-known/jwks.json";
        }
    }
}
