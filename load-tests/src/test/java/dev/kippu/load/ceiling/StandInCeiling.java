package dev.kippu.load.ceiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import dev.kippu.load.results.ResultJson;
import dev.kippu.local.DynamoDbStandIn;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local DynamoDB's own ceiling, with nothing of Kippu in between: how many operations a second
 * the stand-in answers at 1, 2, 4, 8 and 16 callers, for the three kinds of call Kippu's requests
 * make — a GetItem of an event (about 1 KB), a Query of a page of 20 of them, and a two-item
 * TransactWriteItems with conditions (a booking; the stand-in runs every request one at a time while
 * a transaction holds its lock). Load offered to a local target beyond the lowest of these measures
 * the stand-in, not the packaging. Writes {@code target/load-results/<time>-stand-in-ceiling.json}.
 */
public final class StandInCeiling {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final List<Integer> CALLERS = List.of(1, 2, 4, 8, 16);
    private static final String TABLE = "ceiling";
    private static final int EVENTS = 200;

    private StandInCeiling() {
    }

    public static void main(String[] args) throws Exception {
        Duration perLevel = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 5);
        Instant startedAt = Instant.now();
        Map<String, Object> result;
        try (DynamoDbStandIn dynamo = DynamoDbStandIn.start()) {
            DynamoDbClient client = dynamo.client();
            createTable(client);
            AtomicLong bookings = new AtomicLong();
            Map<String, IntConsumer> operations = new LinkedHashMap<>();
            operations.put("GetItem of an event", caller -> client.getItem(r -> r.tableName(TABLE).key(key("EVENT#" + caller % EVENTS, "META"))));
            operations.put("Query of a page of 20 events", caller -> client.query(r -> r.tableName(TABLE).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("EVENTS"))).limit(20)));
            operations.put("TransactWriteItems of a booking", caller -> book(client, caller, bookings.incrementAndGet()));
            List<Map<String, Object>> measured = new ArrayList<>();
            for (Map.Entry<String, IntConsumer> operation : operations.entrySet()) {
                measured.add(measure(operation.getKey(), operation.getValue(), perLevel));
            }
            result = result(startedAt, perLevel, measured);
        }
        Path file = Path.of("target/load-results").resolve(FILE_TIME.format(startedAt) + "-stand-in-ceiling.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        System.out.println("ceiling: result " + file.toAbsolutePath());
        System.exit(0); // the SDK's idle connection reaper is not a daemon everywhere
    }

    private static Map<String, Object> result(Instant startedAt, Duration perLevel, List<Map<String, Object>> operations) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("schema", ResultJson.SCHEMA);
        result.put("kind", "standInCeiling");
        result.put("startedAt", startedAt.toString());
        result.put("machine", ResultJson.Machine.current());
        result.put("secondsPerLevel", perLevel.toSeconds());
        Map<String, Object> lowest = operations.stream().min((a, b) -> Double.compare((Double) a.get("ceilingOperationsPerSecond"),
                (Double) b.get("ceilingOperationsPerSecond"))).orElseThrow();
        result.put("operation", lowest.get("operation"));
        result.put("levels", lowest.get("levels"));
        result.put("ceilingOperationsPerSecond", lowest.get("ceilingOperationsPerSecond"));
        result.put("operations", operations);
        return result;
    }

    /** Each number of callers for {@code perLevel}, after as long again (a second at most) of warm-up; the ceiling is the best of the levels. */
    static Map<String, Object> measure(String name, IntConsumer operation, Duration perLevel) throws Exception {
        List<Map<String, Object>> levels = new ArrayList<>();
        double ceiling = 0;
        for (int callers : CALLERS) {
            run(operation, callers, perLevel.compareTo(Duration.ofSeconds(1)) < 0 ? perLevel : Duration.ofSeconds(1));
            long started = System.nanoTime();
            long[] latencies = run(operation, callers, perLevel);
            // over the time the calls took: the last ones end after perLevel
            double perSecond = Math.round(latencies.length * 10.0 / (System.nanoTime() - started) * 1e9) / 10.0;
            ceiling = Math.max(ceiling, perSecond);
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("concurrency", callers);
            level.put("operationsPerSecond", perSecond);
            level.put("p50Millis", percentile(latencies, 50));
            level.put("p99Millis", percentile(latencies, 99));
            levels.add(level);
            System.out.printf("ceiling: %s, %d callers: %.1f/s, p50 %.2f ms, p99 %.2f ms%n", name, callers, perSecond, level.get("p50Millis"), level.get("p99Millis"));
        }
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("operation", name);
        measured.put("levels", levels);
        measured.put("ceilingOperationsPerSecond", ceiling);
        return measured;
    }

    /** The latencies (nanoseconds, sorted) of every call {@code callers} threads made in {@code duration}. */
    private static long[] run(IntConsumer operation, int callers, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService threads = Executors.newFixedThreadPool(callers)) {
            List<Future<long[]>> done = IntStream.range(0, callers).mapToObj(caller -> threads.submit(() -> {
                long[] latencies = new long[1024];
                int calls = 0;
                for (long started = System.nanoTime(); started < end; started = System.nanoTime()) {
                    operation.accept(caller + calls);
                    if (calls == latencies.length) {
                        latencies = Arrays.copyOf(latencies, calls * 2);
                    }
                    latencies[calls++] = System.nanoTime() - started;
                }
                return Arrays.copyOf(latencies, calls);
            })).toList();
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> caller : done) {
                all.add(caller.get());
            }
            return all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        }
    }

    private static double percentile(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return Math.round(sortedNanos[Math.max(0, rank - 1)] / 10_000.0) / 100.0;
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        String description = "x".repeat(900);
        for (int event = 0; event < EVENTS; event++) {
            Map<String, AttributeValue> item = new LinkedHashMap<>(key("EVENT#" + event, "META"));
            item.put("description", AttributeValue.fromS(description));
            item.put("seatsRemaining", AttributeValue.fromN("1000000"));
            client.putItem(r -> r.tableName(TABLE).item(item));
            Map<String, AttributeValue> listed = new LinkedHashMap<>(key("EVENTS", "2027-01-01#" + event));
            listed.put("summary", AttributeValue.fromB(SdkBytes.fromUtf8String(description)));
            client.putItem(r -> r.tableName(TABLE).item(listed));
        }
    }

    /** A booking as Kippu writes one: the event's seats taken on condition that enough remain, and the booking put if new. */
    private static void book(DynamoDbClient client, int caller, long booking) {
        client.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().update(u -> u.tableName(TABLE).key(key("EVENT#" + caller % EVENTS, "META"))
                        .updateExpression("SET seatsRemaining = seatsRemaining - :n").conditionExpression("seatsRemaining >= :n")
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(key("BOOKING#" + booking, "META"))
                        .conditionExpression("attribute_not_exists(pk)")).build()));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
