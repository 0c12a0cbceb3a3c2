package dev.kippu.local;

import java.net.BindException;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ElasticMQ, an SQS-compatible server, inside this JVM on a free loopback port. Standard queues,
 * dead-letter queues after N receives, visibility timeouts and long polling behave like SQS; it
 * checks no credentials or policies.
 */
public final class SqsStandIn implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;
    private final SqsClient client;

    private SqsStandIn(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
        this.client = LocalClients.at(endpoint(), SqsClient.builder()).build();
    }

    /**
     * Starts it on a port found free, and on another if that one was taken before the server bound
     * it (the queue URLs name the port, so it must be known before the start).
     */
    public static SqsStandIn start() {
        for (int attempt = 1; ; attempt++) {
            int port = StandInProcess.freePort();
            SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
                    .withPort(port)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                    .withAWSRegion("us-east-1")
                    .start();
            try {
                server.waitUntilStarted();
                return new SqsStandIn(server, port);
            } catch (RuntimeException notBound) {
                stopQuietly(server);
                if (attempt == 3 || !takenPort(notBound)) {
                    throw notBound;
                }
            }
        }
    }

    private static void stopQuietly(SQSRestServer server) {
        try {
            server.stopAndWait();
        } catch (RuntimeException neverStarted) {
            // its binding failed: there is nothing to stop but its actors, which the attempt gave up
        }
    }

    private static boolean takenPort(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public SqsClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
