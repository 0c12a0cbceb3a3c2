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
 * @param credentials     where the runtime's credentials come from, named rather than probed for (see {@link Credentials})
 * @param accessKeyId     with {@code credentials=static}: fixed credentials, for the stand-ins
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
        @DefaultValue("chain") Credentials credentials,
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

    /** Where the AWS credentials come from. Each runtime gives them one way; naming it skips the others. */
    public enum Credentials {
        /** The SDK's chain: tries each of the sources below in turn. For a machine whose runtime is not known. */
        CHAIN,
        /** {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}: what Lambda gives. */
        ENVIRONMENT,
        /** The container credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_*}): ECS and Fargate task roles, EKS Pod Identity. */
        CONTAINER,
        /** {@code kippu.aws.access-key-id} and {@code secret-access-key}: the local stand-ins. */
        STATIC
    }
}
