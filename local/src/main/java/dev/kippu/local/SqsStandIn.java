package dev.kippu.local;


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

    public static SqsStandIn start() {
        int port = StandInProcess.freePort();
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSRegion("us-east-1")
                .start();
        server.waitUntilStarted();
        return new SqsStandIn(server, port);
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
