package dev.kippu.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kippu.support.ShippedSettings;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A packaging replaces any AWS client, or the HTTP client they share, by defining its own bean. */
class AwsClientsTest {

    private final ApplicationContextRunner kippu = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AwsClients.class))
            .withPropertyValues("kippu.aws.credentials=static", "kippu.aws.access-key-id=local", "kippu.aws.secret-access-key=local");

    @Test
    void byDefaultEveryClientSharesOneHttpClient() {
        kippu.run(context -> {
            assertThat(context).hasSingleBean(SdkHttpClient.class).hasSingleBean(DynamoDbClient.class).hasSingleBean(SqsClient.class);
        });
    }

    @Test
    void aPackagingsOwnHttpClientReplacesTheSharedOne() {
        kippu.withUserConfiguration(LighterHttpClient.class).run(context -> {
            assertThat(context).hasSingleBean(SdkHttpClient.class);
            assertThat(context.getBean(SdkHttpClient.class)).isSameAs(context.getBean(LighterHttpClient.class).client);
            assertThat(context).hasSingleBean(DynamoDbClient.class);
        });
    }

    @Test
    void aPackagingsOwnClientReplacesKippus() {
        kippu.withBean("packagingsQueue", SqsClient.class, () -> SqsClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build())
                .run(context -> assertThat(context).hasSingleBean(SqsClient.class).hasBean("packagingsQueue"));
    }

    @Configuration(proxyBeanMethods = false)
    static class LighterHttpClient {

        final SdkHttpClient client = ApacheHttpClient.builder().maxConnections(10).socketTimeout(Duration.ofSeconds(30)).build();

        @Bean
        SdkHttpClient packagingsHttpClient() {
            return client;
        }
    }

    @Test
    void credentialsComeFromTheSourceTheRuntimeNames() {
        assertThat(AwsClients.credentials(settings("chain"))).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(AwsClients.credentials(settings("environment"))).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
        assertThat(AwsClients.credentials(settings("container"))).isInstanceOf(ContainerCredentialsProvider.class);
        assertThat(AwsClients.credentials(ShippedSettings.bind("kippu.aws", AwsProperties.class, Map.of("kippu.aws.credentials", "static",
                "kippu.aws.access-key-id", "local", "kippu.aws.secret-access-key", "local"))).resolveCredentials().accessKeyId()).isEqualTo("local");
        assertThatThrownBy(() -> AwsClients.credentials(settings("static"))).hasMessageContaining("kippu.aws.access-key-id");
    }

    private static AwsProperties settings(String credentials) {
        return ShippedSettings.bind("kippu.aws", AwsProperties.class, Map.of("kippu.aws.credentials", credentials));
    }
}
