package dev.kippu.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.kippu.contract.KippuStandIns;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kippu's HTTP function in the test's own JVM, on the local stand-ins: started once, in profile
 * {@code lambda}, as the runtime starts it in an execution environment, with the stand-ins' settings
 * as system properties (which win over the profile's).
 */
final class InProcessLambda {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static HttpHandler handler;

    private InProcessLambda() {
    }

    static synchronized HttpHandler handler() {
        if (handler == null) {
            KippuStandIns.shared().properties().forEach(System::setProperty);
            handler = new HttpHandler();
        }
        return handler;
    }

    /** One invocation of the HTTP function with this event; its response object. */
    static JsonNode invoke(String event) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            handler().handleRequest(new ByteArrayInputStream(event.getBytes(java.nio.charset.StandardCharsets.UTF_8)), response,
                    new InvocationContext(UUID.randomUUID().toString(), "arn:aws:lambda:us-east-1:123456789012:function:kippu-http",
                            Instant.now().plus(Duration.ofSeconds(30)), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JSON.readTree(response.toByteArray());
    }
}
