package dev.kippu.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kippu.local.CognitoStandIn;
import dev.kippu.local.DynamoDbStandIn;
import dev.kippu.local.SesStandIn;
import dev.kippu.local.SqsStandIn;

/**
 * The local AWS stand-ins on free ports, started once per JVM and stopped when it exits, and the
 * application properties that point Kippu at them.
 */
public final class KippuStandIns {

    private static KippuStandIns shared;

    private final DynamoDbStandIn dynamo;
    private final CognitoStandIn cognito;
    private final SqsStandIn sqs;
    private final SesStandIn ses;

    private KippuStandIns(DynamoDbStandIn dynamo, CognitoStandIn cognito, SqsStandIn sqs, SesStandIn ses) {
        this.dynamo = dynamo;
        this.cognito = cognito;
        this.sqs = sqs;
        this.ses = ses;
    }

    /** Starts the stand-ins side by side; if one fails, those already started are stopped. */
    public static synchronized KippuStandIns shared() {
        if (shared == null) {
            try (var starting = Executors.newVirtualThreadPerTaskExecutor()) {
                var dynamo = starting.submit(DynamoDbStandIn::start);
                var cognito = starting.submit(() -> CognitoStandIn.start());
                var sqs = starting.submit(SqsStandIn::start);
                var ses = starting.submit(SesStandIn::start);
                try {
                    shared = new KippuStandIns(dynamo.get(), cognito.get(), sqs.get(), ses.get());
                } catch (InterruptedException | ExecutionException e) {
                    for (var started : List.of(dynamo, cognito, sqs, ses)) {
                        if (started.state() == Future.State.SUCCESS) {
                            ((AutoCloseable) started.resultNow()).close();
                        }
                    }
                    throw new IllegalStateException("the local stand-ins did not start", e instanceof ExecutionException ? e.getCause() : e);
                }
            } catch (Exception e) {
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-stand-ins"));
        }
        return shared;
    }

    public CognitoStandIn cognito() {
        return cognito;
    }

    public DynamoDbStandIn dynamo() {
        return dynamo;
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
        properties.put("kippu.aws.endpoints.sqs", sqs.endpoint());
        properties.put("kippu.aws.endpoints.ses", ses.endpoint());
        properties.put("kippu.notifications.create-queue", "true");
        properties.put("kippu.notifications.wait-time", "1s");
        properties.put("kippu.aws.access-key-id", "local");
        properties.put("kippu.aws.secret-access-key", "local");
        properties.put("kippu.dynamodb.create-table", "true");
        properties.put("kippu.cognito.user-pool-id", cognito.userPoolId());
        properties.put("kippu.cognito.issuer", cognito.issuer());
        properties.put("kippu.cognito.jwk-set-uri", cognito.jwkSetUri());
        properties.put("kippu.cognito.client-ids", cognito.clientId());
        return properties;
    }

    private void close() {
        ses.close();
        sqs.close();
        cognito.close();
        dynamo.close();
    }
}
