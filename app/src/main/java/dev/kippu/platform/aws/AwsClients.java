package dev.kippu.platform.aws;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The AWS SDK clients, configured once: explicit timeouts and retries instead of the SDK's defaults
 * (which wait up to minutes), and one pooled HTTP client shared by all of them.
 */
@Configuration(proxyBeanMethods = false)
class AwsClients {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    SdkHttpClient awsHttpClient(AwsProperties properties) {
        return ApacheHttpClient.builder()
                .maxConnections(properties.maxConnections())
                .connectionTimeout(Duration.ofSeconds(1))
                .connectionAcquisitionTimeout(Duration.ofSeconds(2))
                .socketTimeout(properties.attemptTimeout())
                .build();
    }

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(AwsProperties properties, SdkHttpClient http) {
        return configure(DynamoDbClient.builder(), "dynamodb", properties, http).build();
    }

    @Bean(destroyMethod = "close")
    CognitoIdentityProviderClient cognitoClient(AwsProperties properties, SdkHttpClient http) {
        return configure(CognitoIdentityProviderClient.builder(), "cognito", properties, http).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, String service, AwsProperties properties, SdkHttpClient http) {
        builder.region(Region.of(properties.region()))
                .credentialsProvider(credentials(properties))
                .httpClient(http)
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(properties.attemptTimeout())
                        .apiCallTimeout(properties.callTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(properties.maxAttempts()).build()));
        if (properties.endpoints().containsKey(service)) {
            builder.endpointOverride(properties.endpoints().get(service));
        }
        return builder;
    }

    private static AwsCredentialsProvider credentials(AwsProperties properties) {
        return properties.accessKeyId() == null || properties.accessKeyId().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
    }
}
