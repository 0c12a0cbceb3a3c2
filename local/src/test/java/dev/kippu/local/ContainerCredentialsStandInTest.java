package dev.kippu.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The endpoint as the AWS SDK's container credentials provider reads it. */
class ContainerCredentialsStandInTest {

    private final ContainerCredentialsStandIn endpoint = ContainerCredentialsStandIn.start("AKIDLOCAL", "local-secret");

    @AfterEach
    void stop() {
        endpoint.close();
        System.clearProperty("aws.containerCredentialsFullUri");
        System.clearProperty("aws.containerAuthorizationToken");
    }

    @Test
    void theSdkGetsTheKeysAsSessionCredentialsWithTheToken() {
        System.setProperty("aws.containerCredentialsFullUri", endpoint.environment().get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
        System.setProperty("aws.containerAuthorizationToken", endpoint.environment().get("AWS_CONTAINER_AUTHORIZATION_TOKEN"));

        try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build()) {
            AwsSessionCredentials credentials = (AwsSessionCredentials) provider.resolveCredentials();

            assertThat(credentials.accessKeyId()).isEqualTo("AKIDLOCAL");
            assertThat(credentials.secretAccessKey()).isEqualTo("local-secret");
            assertThat(credentials.sessionToken()).startsWith("stand-in-session-");
            assertThat(credentials.expirationTime()).isPresent();
        }
        assertThat(endpoint.handedOut()).isEqualTo(1);
    }

    @Test
    void aCallerWithoutTheTokenGetsNothing() throws Exception {
        URI uri = URI.create(endpoint.environment().get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "guess").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(endpoint.handedOut()).isZero();

        System.setProperty("aws.containerCredentialsFullUri", uri.toString());
        System.setProperty("aws.containerAuthorizationToken", "guess");
        try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build()) {
            assertThatThrownBy(provider::resolveCredentials).isInstanceOf(SdkClientException.class);
        }
    }
}
