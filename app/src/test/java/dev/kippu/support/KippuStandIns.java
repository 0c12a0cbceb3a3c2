package dev.kippu.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kippu.local.CognitoStandIn;
import dev.kippu.local.DynamoDbStandIn;
import dev.kippu.local.S3StandIn;
import dev.kippu.local.SesStandIn;
import dev.kippu.local.SqsStandIn;

/**
 * The local AWS stand-ins on free ports, started once per JVM (side by side) and stopped when it exits,
 * and the application properties that point Kippu at them.
 */
public final class KippuStandIns {

    private static KippuStandIns shared;

    private final DynamoDbStandIn dynamo;
    private final CognitoStandIn cognito;
    private final S3StandIn s3;
    private final SqsStandIn sqs;
    private final SesStandIn ses;

    private KippuStandIns(DynamoDbStandIn dynamo, CognitoStandIn cognito, S3StandIn s3, SqsStandIn sqs, SesStandIn ses) {
        this.dynamo = dynamo;
        this.cognito = cognito;
        this.s3 = s3;
        this.sqs = sqs;
        this.ses = ses;
    }

    public static synchronized KippuStandIns shared() {
        if (shared == null) {
            shared = startAll();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-stand-ins"));
        }
        return shared;
    }

    /** Starts them all at once (S3Mock, a JVM, takes longest); if one fails, stops those that started. */
    private static KippuStandIns startAll() {
        Future<DynamoDbStandIn> dynamo;
        Future<CognitoStandIn> cognito;
        Future<S3StandIn> s3;
        Future<SqsStandIn> sqs;
        Future<SesStandIn> ses;
        try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
            dynamo = starter.submit(() -> DynamoDbStandIn.start());
            cognito = starter.submit(() -> CognitoStandIn.start());
            s3 = starter.submit(() -> S3StandIn.start());
            sqs = starter.submit(() -> SqsStandIn.start());
            ses = starter.submit(() -> SesStandIn.start());
        } // waits for all of them
        List<Future<? extends AutoCloseable>> all = List.of(dynamo, cognito, s3, sqs, ses);
        List<Throwable> failures = all.stream().filter(f -> f.state() == Future.State.FAILED).map(Future::exceptionNow).toList();
        if (!failures.isEmpty()) {
            all.stream().filter(f -> f.state() == Future.State.SUCCESS).forEach(f -> closeQuietly(f.resultNow()));
            IllegalStateException failure = new IllegalStateException("the local stand-ins did not start", failures.getFirst());
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
        return new KippuStandIns(dynamo.resultNow(), cognito.resultNow(), s3.resultNow(), sqs.resultNow(), ses.resultNow());
    }

    public CognitoStandIn cognito() {
        return cognito;
    }

    public DynamoDbStandIn dynamo() {
        return dynamo;
    }

    public S3StandIn s3() {
        return s3;
    }

    public SqsStandIn sqs() {
        return sqs;
    }

    public SesStandIn ses() {
        return ses;
    }

    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kippu.aws.endpoints.dynamodb", dynamo.endpoint());
        properties.put("kippu.aws.endpoints.cognito", cognito.endpoint());
        properties.put("kippu.aws.endpoints.s3", s3.endpoint());
        properties.put("kippu.aws.endpoints.sqs", sqs.endpoint());
        properties.put("kippu.aws.endpoints.ses", ses.endpoint());
        properties.put("kippu.aws.access-key-id", "local");
        properties.put("kippu.aws.secret-access-key", "local");
        properties.put("kippu.dynamodb.create-table", "true");
        properties.put("kippu.cognito.user-pool-id", cognito.userPoolId());
        properties.put("kippu.cognito.issuer", cognito.issuer());
        properties.put("kippu.cognito.jwk-set-uri", cognito.jwkSetUri());
        properties.put("kippu.cognito.client-ids", cognito.clientId());
        properties.put("kippu.media.uploads-bucket", s3.uploadsBucket());
        properties.put("kippu.media.media-bucket", s3.mediaBucket());
        properties.put("kippu.media.public-base-url", s3.publicBaseUrl());
        properties.put("kippu.notifications.create-queue", "true");
        return properties;
    }

    private void close() {
        closeQuietly(ses);
        closeQuietly(sqs);
        closeQuietly(s3);
        closeQuietly(cognito);
        closeQuietly(dynamo);
    }

    private static void closeQuietly(AutoCloseable standIn) {
        try {
            standIn.close();
        } catch (Exception e) {
            // stopping the others matters more
        }
    }
}
