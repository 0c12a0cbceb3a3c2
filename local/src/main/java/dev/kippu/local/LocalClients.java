package dev.kippu.local;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/** SDK clients for the stand-ins: their endpoint, region us-east-1, and credentials they do not check. */
public final class LocalClients {

    static final Region REGION = Region.US_EAST_1;

    private LocalClients() {
    }

    public static <B extends AwsClientBuilder<B, ?>> B at(String endpoint, B builder) {
        return builder.endpointOverride(URI.create(endpoint))
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }
}
