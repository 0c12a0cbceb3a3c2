package dev.kippu.platform.aws;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.kippu.platform.timeouts.Nesting;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients, configured once: explicit timeouts and retries instead of the SDK's defaults
 * (which wait up to minutes), and one pooled HTTP client shared by all of them. An auto-configuration
 * (listed in {@code META-INF/spring/...AutoConfiguration.imports}), so that a packaging replaces any
 * of these beans by defining its own, such as a lighter HTTP client on Lambda.
 */
@AutoConfiguration
@EnableConfigurationProperties(AwsProperties.class)
public class AwsClients {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SdkHttpClient awsHttpClient(AwsProperties properties) {
        return httpClient(properties);
    }

    /** A new HTTP client as every AWS client shares it: for a packaging that renews it (after a SnapStart restore). */
    public static SdkHttpClient httpClient(AwsProperties properties) {
        Nesting.require(timeouts(properties));
        return ApacheHttpClient.builder()
                .maxConnections(properties.maxConnections())
                .connectionTimeout(Duration.ofSeconds(1))
                .connectionAcquisitionTimeout(Duration.ofSeconds(2))
                .socketTimeout(properties.socketTimeout())
                .build();
    }

    static List<Nesting> timeouts(AwsProperties properties) {
        return List.of(
                Nesting.atMost("kippu.aws.attempt-timeout", properties.attemptTimeout(), "kippu.aws.call-timeout", properties.callTimeout(),
                        "no attempt could run its course and retries would never happen"),
                Nesting.atMost("kippu.aws.call-timeout", properties.callTimeout(), "kippu.aws.socket-timeout", properties.socketTimeout(),
                        "the HTTP client would cut calls before their own timeouts do"));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    DynamoDbClient dynamoDbClient(AwsProperties properties, SdkHttpClient http) {
        return configure(DynamoDbClient.builder(), "dynamodb", properties, http).build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CognitoIdentityProviderClient cognitoClient(AwsProperties properties, SdkHttpClient http) {
        return configure(CognitoIdentityProviderClient.builder(), "cognito", properties, http).build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    S3Client s3Client(AwsProperties properties, SdkHttpClient http) {
        return configure(S3Client.builder(), "s3", properties, http)
                .forcePathStyle(properties.endpoints().containsKey("s3"))
                .build();
    }

    /** Signs upload URLs; it talks to no one, so it needs only the region, credentials and endpoint. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    S3Presigner s3Presigner(AwsProperties properties) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials(properties))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(properties.endpoints().containsKey("s3")).build());
        if (properties.endpoints().containsKey("s3")) {
            builder.endpointOverride(properties.endpoints().get("s3"));
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SqsClient sqsClient(AwsProperties properties, SdkHttpClient http) {
        return configure(SqsClient.builder(), "sqs", properties, http).build();
    }

    /**
     * SES sends a mail whose attempt the client gave up on, and {@code SendEmail} takes no idempotency
     * token: a retried attempt could send the mail twice. So only refusals that say SES sent nothing
     * (throttling) are retried here; the e-mail worker handles the rest.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SesV2Client sesClient(AwsProperties properties, SdkHttpClient http) {
        RetryStrategy throttlingOnly = StandardRetryStrategy.builder().useClientDefaults(false)
                .maxAttempts(properties.maxAttempts())
                .retryOnException(AwsClients::isThrottling)
                .treatAsThrottling(AwsClients::isThrottling)
                .backoffStrategy(new FullJitter(Duration.ofMillis(100), Duration.ofSeconds(2)))
                .throttlingBackoffStrategy(new FullJitter(Duration.ofMillis(500), Duration.ofSeconds(2)))
                .build();
        return configure(SesV2Client.builder(), "ses", properties, http, throttlingOnly).build();
    }

    private static boolean isThrottling(Throwable failure) {
        return failure instanceof SdkServiceException service && service.isThrottlingException();
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, String service, AwsProperties properties, SdkHttpClient http) {
        return configure(builder, service, properties, http,
                AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(properties.maxAttempts())
                        // the standard strategy's own delays, with jitter that differs between restored snapshots
                        .backoffStrategy(new FullJitter(Duration.ofMillis(100), Duration.ofSeconds(20)))
                        .throttlingBackoffStrategy(new FullJitter(Duration.ofSeconds(1), Duration.ofSeconds(20)))
                        .build());
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, String service, AwsProperties properties, SdkHttpClient http, RetryStrategy retries) {
        builder.region(Region.of(properties.region()))
                .credentialsProvider(credentials(properties))
                .httpClient(http)
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(properties.attemptTimeout())
                        .apiCallTimeout(properties.callTimeout())
                        .retryStrategy(retries));
        if (properties.endpoints().containsKey(service)) {
            builder.endpointOverride(properties.endpoints().get(service));
        }
        return builder;
    }

    static AwsCredentialsProvider credentials(AwsProperties properties) {
        return switch (properties.credentials()) {
            case CHAIN -> DefaultCredentialsProvider.builder().build();
            case ENVIRONMENT -> EnvironmentVariableCredentialsProvider.create();
            case CONTAINER -> ContainerCredentialsProvider.builder().build();
            case STATIC -> {
                if (properties.accessKeyId() == null || properties.accessKeyId().isBlank()) {
                    throw new IllegalStateException("kippu.aws.credentials=static needs kippu.aws.access-key-id and kippu.aws.secret-access-key");
                }
                yield StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
            }
        };
    }
}
