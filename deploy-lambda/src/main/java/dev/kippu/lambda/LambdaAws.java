package dev.kippu.lambda;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.kippu.platform.aws.AwsClients;
import dev.kippu.platform.aws.AwsProperties;

/** The AWS clients' HTTP client on Lambda: the application's, made renewable for {@link SnapStartHooks}. */
@AutoConfiguration(before = AwsClients.class)
@EnableConfigurationProperties(AwsProperties.class)
public class LambdaAws {

    @Bean(destroyMethod = "close")
    RenewableHttpClient renewableAwsHttpClient(AwsProperties properties) {
        return new RenewableHttpClient(() -> AwsClients.httpClient(properties));
    }
}
