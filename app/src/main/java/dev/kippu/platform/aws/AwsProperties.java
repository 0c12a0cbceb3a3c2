package dev.kippu.platform.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application reaches AWS.
 *
 * @param region          the region of the table and user pool
 * @param endpoints       per service ({@code dynamodb}, {@code cognito}, {@code s3}, {@code sqs}, {@code ses}), an endpoint to use instead of AWS's: the local stand-ins
 * @param accessKeyId     fixed credentials for the stand-ins; in AWS leave empty to use the runtime's role
 * @param attemptTimeout  one HTTP attempt; a slow attempt is abandoned and retried
 * @param callTimeout     a whole call including retries: bounds how long a GraphQL request can wait on AWS
 * @param socketTimeout   how long the HTTP client waits for bytes on a connection: only a backstop, longer than
 *                        any call's own attempt timeout (which cuts slow calls first), SQS long polls included
 * @param maxAttempts     attempts per call (throttling and 5xx are retried with jittered back-off)
 * @param maxConnections  connection pool size per client: the most concurrent requests to one service
 */
@ConfigurationProperties("kippu.aws")
public record AwsProperties(
        @DefaultValue("us-east-1") String region,
        Map<String, URI> endpoints,
        String accessKeyId,
        String secretAccessKey,
        @DefaultValue("2s") Duration attemptTimeout,
        @DefaultValue("6s") Duration callTimeout,
        @DefaultValue("30s") Duration socketTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("200") int maxConnections) {

    public AwsProperties {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }
}
