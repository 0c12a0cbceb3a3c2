package dev.kippu.support;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.kippu.local.CognitoStandIn;
import dev.kippu.local.DynamoDbStandIn;

/**
 * The local AWS stand-ins on free ports, started once per JVM and stopped when it exits, and the
 * application properties that point Kippu at them.
 */
public final class KippuStandIns {

    private static KippuStandIns shared;

    private final DynamoDbStandIn dynamo;
    private final CognitoStandIn cognito;

    private KippuStandIns(DynamoDbStandIn dynamo, CognitoStandIn cognito) {
        this.dynamo = dynamo;
        this.cognito = cognito;
    }

    public static synchronized KippuStandIns shared() {
        if (shared == null) {
            DynamoDbStandIn dynamo = DynamoDbStandIn.start();
            try {
                shared = new KippuStandIns(dynamo, CognitoStandIn.start());
            } catch (RuntimeException e) {
                dynamo.close();
                throw e;
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

    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kippu.aws.endpoints.dynamodb", dynamo.endpoint());
        properties.put("kippu.aws.endpoints.cognito", cognito.endpoint());
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
        cognito.close();
        dynamo.close();
    }
}
