package dev.kippu.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local DynamoDB: {@code local/dynamodb/server.js}, dynalite in memory behind a front server that adds
 * transactions and TTL, started as a child process on a free loopback port. Closing it stops the process
 * and its client; everything stored is gone with it.
 */
public final class DynamoDbStandIn implements AutoCloseable {

    private final StandInProcess process;
    private final DynamoDbClient client;

    private DynamoDbStandIn(StandInProcess process) {
        this.process = process;
        this.client = LocalClients.at(process.endpoint(), DynamoDbClient.builder()).build();
    }

    public static DynamoDbStandIn start() {
        int port = StandInProcess.freePort();
        return StandInProcess.start("dynamodb", LocalDirectory.nodeCommand("dynamodb/server.js", "--port", Integer.toString(port)),
                Map.of(), port, Duration.ofSeconds(30)).wrap(DynamoDbStandIn::new);
    }

    /** {@code http://127.0.0.1:<port>}, for {@code endpointOverride} or {@code AWS_ENDPOINT_URL_DYNAMODB}. */
    public String endpoint() {
        return process.endpoint();
    }

    /** A client for this stand-in (region us-east-1, dummy static credentials); owned by the stand-in, closed with it. */
    public DynamoDbClient client() {
        return client;
    }

    /** The stand-in's log file (its stdout and stderr). */
    public Path log() {
        return process.log();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            process.close();
        }
    }
}
