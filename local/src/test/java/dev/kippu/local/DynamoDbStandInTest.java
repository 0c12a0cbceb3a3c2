package dev.kippu.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Conformance of the local DynamoDB stand-in with what AWS documents, checked through the real AWS SDK v2
 * client (which also verifies every response's x-amz-crc32 checksum).
 */
class DynamoDbStandInTest {

    private static final String ITEMS = "items";
    private static final String ORDERS = "orders";
    private static final String SESSIONS = "sessions";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static DynamoDbStandIn standIn;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        standIn = DynamoDbStandIn.start();
        dynamo = standIn.client();
        dynamo.createTable(t -> t.tableName(ITEMS)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"))
                .keySchema(key("pk", KeyType.HASH)));
        dynamo.createTable(t -> t.tableName(SESSIONS)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"))
                .keySchema(key("pk", KeyType.HASH)));
        dynamo.createTable(t -> t.tableName(ORDERS)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("status"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("byStatus")
                        .keySchema(key("status", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build()));
    }

    @AfterAll
    static void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }

    // --- TransactWriteItems ---------------------------------------------------------------------------

    @Test
    void appliesPutUpdateDeleteAndConditionCheckTogether() {
        String kept = id(), updated = id(), deleted = id(), created = id();
        put(ITEMS, Map.of("pk", s(kept), "state", s("open")));
        put(ITEMS, Map.of("pk", s(updated), "n", n(1)));
        put(ITEMS, Map.of("pk", s(deleted)));

        dynamo.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(ITEMS).key(key(kept))
                        .conditionExpression("#s = :open")
                        .expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(Map.of(":open", s("open"))).build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(ITEMS).key(key(updated))
                        .updateExpression("SET n = n + :one, tag = :tag")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":one", n(1), ":tag", s("x"))).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(ITEMS).key(key(deleted))
                        .conditionExpression("attribute_exists(pk)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(ITEMS).item(Map.of("pk", s(created), "v", s("new")))
                        .conditionExpression("attribute_not_exists(pk)").build()).build()));

        assertThat(get(ITEMS, updated)).containsEntry("n", n(2)).containsEntry("tag", s("x"));
        assertThat(get(ITEMS, deleted)).isNull();
        assertThat(get(ITEMS, created)).containsEntry("v", s("new"));
        assertThat(get(ITEMS, kept)).containsEntry("state", s("open"));
    }

    @Test
    void oneFailingConditionWritesNothing() {
        String existing = id(), fresh = id(), doomed = id();
        put(ITEMS, Map.of("pk", s(existing), "n", n(0)));
        put(ITEMS, Map.of("pk", s(doomed)));

        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class, () ->
                dynamo.transactWriteItems(t -> t.transactItems(
                        putItem(Map.of("pk", s(fresh))),
                        TransactWriteItem.builder().update(Update.builder().tableName(ITEMS).key(key(existing))
                                .updateExpression("SET n = n - :one")
                                .conditionExpression("n >= :one")
                                .expressionAttributeValues(Map.of(":one", n(1))).build()).build(),
                        TransactWriteItem.builder().delete(Delete.builder().tableName(ITEMS).key(key(doomed)).build()).build())));

        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.hasCancellationReasons()).isTrue();
        assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "ConditionalCheckFailed", "None");
        assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The conditional request failed");
        assertThat(e.getMessage()).contains("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, None]");
        assertThat(get(ITEMS, fresh)).isNull();
        assertThat(get(ITEMS, existing)).containsEntry("n", n(0));
        assertThat(get(ITEMS, doomed)).isNotNull();
    }

    @Test
    void cancellationReasonsFollowTheActionsAndReturnTheOldItemWhenAsked() {
        String a = id(), b = id(), c = id();
        Map<String, AttributeValue> itemB = Map.of("pk", s(b), "owner", s("alice"), "n", n(3));
        put(ITEMS, itemB);
        put(ITEMS, Map.of("pk", s(c), "owner", s("bob")));

        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class, () ->
                dynamo.transactWriteItems(t -> t.transactItems(
                        putItem(Map.of("pk", s(a))),
                        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(ITEMS).key(key(b))
                                .conditionExpression("#o = :me")
                                .expressionAttributeNames(Map.of("#o", "owner"))
                                .expressionAttributeValues(Map.of(":me", s("carol")))
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(ITEMS).item(Map.of("pk", s(c)))
                                .conditionExpression("attribute_not_exists(pk)").build()).build())));

        List<CancellationReason> reasons = e.cancellationReasons();
        assertThat(reasons).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed", "ConditionalCheckFailed");
        assertThat(reasons.get(0).hasItem()).isFalse();
        assertThat(reasons.get(1).item()).isEqualTo(itemB);
        assertThat(reasons.get(2).hasItem()).isFalse();
        assertThat(get(ITEMS, a)).isNull();
        assertThat(get(ITEMS, c)).doesNotContainKey("n").containsEntry("owner", s("bob"));
    }

    @Test
    void rejectsTwoActionsOnOneItem() {
        String item = id();
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () ->
                dynamo.transactWriteItems(t -> t.transactItems(
                        putItem(Map.of("pk", s(item))),
                        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(ITEMS).key(key(item))
                                .conditionExpression("attribute_not_exists(pk)").build()).build())));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.getMessage()).contains("Transaction request cannot include multiple operations on one item");
        assertThat(get(ITEMS, item)).isNull();
    }

    @Test
    void rejectsInvalidRequests() {
        ResourceNotFoundException missingTable = catchThrowableOfType(ResourceNotFoundException.class, () ->
                dynamo.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder()
                        .put(Put.builder().tableName("no-such-table").item(Map.of("pk", s(id()))).build()).build())));
        assertThat(missingTable.getMessage()).contains("Requested resource not found");

        List<TransactWriteItem> tooMany = IntStream.range(0, 101).mapToObj(i -> putItem(Map.of("pk", s(id())))).toList();
        DynamoDbException tooManyActions = catchThrowableOfType(DynamoDbException.class, () ->
                dynamo.transactWriteItems(t -> t.transactItems(tooMany)));
        assertThat(tooManyActions.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(tooManyActions.getMessage()).contains("Member must have length less than or equal to 100");

        // an empty string key value is rejected up front, unlike the key mismatches that cancel (below)
        DynamoDbException emptyKey = catchThrowableOfType(DynamoDbException.class, () ->
                dynamo.transactWriteItems(t -> t.transactItems(putItem(Map.of("pk", s(id()))), TransactWriteItem.builder()
                        .delete(Delete.builder().tableName(ITEMS).key(key("")).build()).build())));
        assertThat(emptyKey.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(emptyKey.getMessage()).contains("The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");

        // all 100 actions are allowed
        List<TransactWriteItem> hundred = IntStream.range(0, 100).mapToObj(i -> putItem(Map.of("pk", s(id())))).toList();
        dynamo.transactWriteItems(t -> t.transactItems(hundred));
        assertThat(get(ITEMS, hundred.get(99).put().item().get("pk").s())).isNotNull();
    }

    @Test
    void actionsThatDoNotFitTheTableCancelTheTransaction() {
        String fresh = id(), existing = id();
        put(ITEMS, Map.of("pk", s(existing), "n", n(1)));
        TransactWriteItem freshPut = putItem(Map.of("pk", s(fresh)));
        TransactWriteItem increment = TransactWriteItem.builder().update(Update.builder().tableName(ITEMS).key(key(existing))
                .updateExpression("SET n = n + :one").expressionAttributeValues(Map.of(":one", n(1))).build()).build();

        Map<TransactWriteItem, String> malformed = Map.of(
                putItem(Map.of("pk", n(7))),
                "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
                putItem(Map.of("other", s("x"))),
                "One or more parameter values were invalid: Missing the key pk in the item",
                TransactWriteItem.builder().delete(Delete.builder().tableName(ITEMS).key(Map.of()).build()).build(),
                "The provided key element does not match the schema",
                TransactWriteItem.builder().delete(Delete.builder().tableName(ITEMS).key(Map.of("pk", s(id()), "extra", s("b"))).build()).build(),
                "The provided key element does not match the schema",
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(ITEMS).key(Map.of("pk", n(7)))
                        .conditionExpression("attribute_exists(pk)").build()).build(),
                "The provided key element does not match the schema");
        malformed.forEach((action, message) -> {
            TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class, () ->
                    dynamo.transactWriteItems(t -> t.transactItems(freshPut, action, increment)));
            assertThat(e).as(message).isNotNull();
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ValidationError", "None");
            assertThat(e.cancellationReasons().get(1).message()).isEqualTo(message);
            assertThat(e.getMessage()).contains("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError, None]");
        });
        assertThat(get(ITEMS, fresh)).isNull();
        assertThat(get(ITEMS, existing)).containsEntry("n", n(1));
    }

    @Test
    void rollsBackWhenAnUpdateFailsWhileApplying() {
        String fresh = id(), existing = id();
        put(ITEMS, Map.of("pk", s(existing), "n", n(5)));

        TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class, () ->
                dynamo.transactWriteItems(t -> t.transactItems(
                        putItem(Map.of("pk", s(fresh))),
                        TransactWriteItem.builder().update(Update.builder().tableName(ITEMS).key(key(existing))
                                .updateExpression("SET n = absent - :one")
                                .expressionAttributeValues(Map.of(":one", n(1))).build()).build())));

        assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ValidationError");
        assertThat(get(ITEMS, fresh)).isNull();
        assertThat(get(ITEMS, existing)).containsEntry("n", n(5));
    }

    @Test
    void clientRequestTokenMakesRetriesIdempotent() {
        String counter = id();
        put(ITEMS, Map.of("pk", s(counter), "n", n(0)));
        String token = UUID.randomUUID().toString();
        TransactWriteItemsRequest increment = TransactWriteItemsRequest.builder()
                .clientRequestToken(token)
                .transactItems(TransactWriteItem.builder().update(Update.builder().tableName(ITEMS).key(key(counter))
                        .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n(1))).build()).build())
                .build();

        dynamo.transactWriteItems(increment);
        dynamo.transactWriteItems(increment);
        assertThat(get(ITEMS, counter)).containsEntry("n", n(1));

        TransactWriteItemsRequest different = increment.toBuilder()
                .transactItems(TransactWriteItem.builder().update(Update.builder().tableName(ITEMS).key(key(counter))
                        .updateExpression("ADD n :two").expressionAttributeValues(Map.of(":two", n(2))).build()).build())
                .build();
        IdempotentParameterMismatchException mismatch = catchThrowableOfType(IdempotentParameterMismatchException.class,
                () -> dynamo.transactWriteItems(different));
        assertThat(mismatch).isNotNull();
        assertThat(get(ITEMS, counter)).containsEntry("n", n(1));

        // a new token is a new transaction
        dynamo.transactWriteItems(increment.toBuilder().clientRequestToken(UUID.randomUUID().toString()).build());
        assertThat(get(ITEMS, counter)).containsEntry("n", n(2));
    }

    @Test
    void concurrentTransactionsNeverOverdrawACounter() throws Exception {
        String counter = id();
        put(ITEMS, Map.of("pk", s(counter), "n", n(20)));
        TransactWriteItemsRequest decrement = TransactWriteItemsRequest.builder()
                .transactItems(TransactWriteItem.builder().update(Update.builder().tableName(ITEMS).key(key(counter))
                        .updateExpression("SET n = n - :one")
                        .conditionExpression("n >= :one")
                        .expressionAttributeValues(Map.of(":one", n(1))).build()).build())
                .build();

        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            attempts.add(() -> {
                try {
                    dynamo.transactWriteItems(decrement);
                    return true;
                } catch (TransactionCanceledException e) {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("ConditionalCheckFailed");
                    return false;
                }
            });
        }
        int succeeded = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                if (result.get()) {
                    succeeded++;
                }
            }
        }
        assertThat(succeeded).isEqualTo(20);
        assertThat(get(ITEMS, counter)).containsEntry("n", n(0));
    }

    // --- TransactGetItems -----------------------------------------------------------------------------

    @Test
    void transactGetItemsReadsEveryItemInOrder() {
        String a = id(), missing = id(), order = id();
        put(ITEMS, Map.of("pk", s(a), "n", n(7), "extra", s("x")));
        put(ORDERS, Map.of("pk", s(order), "sk", s("1"), "status", s("PAID")));

        List<ItemResponse> responses = dynamo.transactGetItems(t -> t.transactItems(
                TransactGetItem.builder().get(Get.builder().tableName(ITEMS).key(key(a)).build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName(ITEMS).key(key(missing)).build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName(ORDERS)
                        .key(Map.of("pk", s(order), "sk", s("1")))
                        .projectionExpression("#s").expressionAttributeNames(Map.of("#s", "status")).build()).build()))
                .responses();

        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).item()).isEqualTo(Map.of("pk", s(a), "n", n(7), "extra", s("x")));
        assertThat(responses.get(1).hasItem()).isFalse();
        assertThat(responses.get(2).item()).isEqualTo(Map.of("status", s("PAID")));

        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> dynamo.transactGetItems(t -> t.transactItems(
                TransactGetItem.builder().get(Get.builder().tableName("no-such-table").key(key(a)).build()).build()))))
                .isNotNull();
    }

    @Test
    void transactGetItemsCancelsOnAKeyThatDoesNotFitTheTable() {
        String a = id();
        put(ITEMS, Map.of("pk", s(a)));
        for (Map<String, AttributeValue> badKey : List.of(Map.<String, AttributeValue>of(), Map.of("pk", n(1)))) {
            TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class, () -> dynamo.transactGetItems(t -> t.transactItems(
                    TransactGetItem.builder().get(Get.builder().tableName(ITEMS).key(key(a)).build()).build(),
                    TransactGetItem.builder().get(Get.builder().tableName(ITEMS).key(badKey).build()).build())));
            assertThat(e).as(badKey.toString()).isNotNull();
            assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ValidationError");
            assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The provided key element does not match the schema");
        }
    }

    // --- TTL --------------------------------------------------------------------------------------------

    @Test
    void timeToLiveCanBeEnabledAndDeletesExpiredItems() throws InterruptedException {
        assertThat(dynamo.describeTimeToLive(t -> t.tableName(SESSIONS)).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);

        var enabled = dynamo.updateTimeToLive(t -> t.tableName(SESSIONS)
                .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
        assertThat(enabled.timeToLiveSpecification().attributeName()).isEqualTo("expiresAt");
        assertThat(enabled.timeToLiveSpecification().enabled()).isTrue();

        var description = dynamo.describeTimeToLive(t -> t.tableName(SESSIONS)).timeToLiveDescription();
        assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(description.attributeName()).isEqualTo("expiresAt");

        DynamoDbException twice = catchThrowableOfType(DynamoDbException.class, () -> dynamo.updateTimeToLive(t -> t.tableName(SESSIONS)
                .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true))));
        assertThat(twice.awsErrorDetails().errorCode()).isEqualTo("ValidationException");

        long now = Instant.now().getEpochSecond();
        String expired = id(), alive = id(), notANumber = id(), noAttribute = id();
        put(SESSIONS, Map.of("pk", s(expired), "expiresAt", n(now - 60)));
        put(SESSIONS, Map.of("pk", s(alive), "expiresAt", n(now + 3600)));
        put(SESSIONS, Map.of("pk", s(notANumber), "expiresAt", s(Long.toString(now - 60))));
        put(SESSIONS, Map.of("pk", s(noAttribute)));

        Instant deadline = Instant.now().plusSeconds(10);
        while (get(SESSIONS, expired) != null && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(get(SESSIONS, expired)).isNull();
        assertThat(get(SESSIONS, alive)).isNotNull();
        assertThat(get(SESSIONS, notANumber)).isNotNull();
        assertThat(get(SESSIONS, noAttribute)).isNotNull();

        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> dynamo.describeTimeToLive(t -> t.tableName("no-such-table")))).isNotNull();
    }

    // --- everything else passes through to dynalite ----------------------------------------------------

    @Test
    void ordinaryOperationsPassThrough() {
        String order = id();
        for (int i = 0; i < 7; i++) {
            put(ORDERS, Map.of("pk", s(order), "sk", s("line-" + i), "status", s("status-" + order)));
        }

        ConditionalCheckFailedException failed = catchThrowableOfType(ConditionalCheckFailedException.class, () ->
                dynamo.putItem(p -> p.tableName(ORDERS).item(Map.of("pk", s(order), "sk", s("line-0")))
                        .conditionExpression("attribute_not_exists(pk)")));
        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(failed.requestId()).hasSize(52);

        QueryRequest byStatus = QueryRequest.builder().tableName(ORDERS).indexName("byStatus")
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("status-" + order)))
                .limit(3)
                .build();
        var pages = dynamo.queryPaginator(byStatus).stream().toList();
        assertThat(pages.size()).isGreaterThanOrEqualTo(3);
        assertThat(pages.stream().flatMap(p -> p.items().stream()).map(item -> item.get("sk").s()))
                .containsExactly("line-0", "line-1", "line-2", "line-3", "line-4", "line-5", "line-6");

        assertThat(dynamo.listTables().tableNames()).contains(ITEMS, ORDERS, SESSIONS);
    }

    @Test
    void ownResponsesCarryTheProtocolHeadersAndRequireAuthentication() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(standIn.endpoint()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810.TransactGetItems")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"TransactItems\":[]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("MissingAuthenticationTokenException");
        assertThat(response.headers().firstValue("content-type")).contains("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-requestid")).isPresent();
        CRC32 crc = new CRC32();
        crc.update(response.body());
        assertThat(response.headers().firstValue("x-amz-crc32")).contains(Long.toString(crc.getValue()));
    }

    // --- malformed and oversized requests ------------------------------------------------------------

    @Test
    void bodiesThatAreNotAJsonObjectAreSerializationExceptions() throws Exception {
        for (String target : List.of("PutItem", "GetItem", "TransactWriteItems", "TransactGetItems")) {
            for (String body : List.of("null", " null ", "[]", "[{}]", "5", "\"x\"", "true", "not json")) {
                HttpResponse<byte[]> response = send(target, body.getBytes(StandardCharsets.UTF_8));
                assertAwsError(response, 400, "com.amazon.coral.service#SerializationException", target + " " + body);
                // the next request is served as usual
                assertThat(dynamo.listTables().tableNames()).contains(ITEMS);
            }
        }
    }

    @Test
    void anErrorWhileServingARequestIsAnInternalServerErrorAndTheServerKeepsServing() throws Exception {
        // bodies that make dynalite's (and the transactions') validation throw
        List<Map.Entry<String, String>> failing = List.of(
                Map.entry("PutItem", "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"a\"},\"l\":{\"L\":[null]}}}"),
                Map.entry("GetItem", "{\"TableName\":\"items\",\"Key\":{\"pk\":null}}"),
                Map.entry("BatchGetItem", "{\"RequestItems\":{\"items\":{\"Keys\":[null]}}}"),
                Map.entry("TransactWriteItems", "{\"TransactItems\":[null]}"));
        for (Map.Entry<String, String> request : failing) {
            HttpResponse<byte[]> response = send(request.getKey(), request.getValue().getBytes(StandardCharsets.UTF_8));
            assertAwsError(response, 500, "com.amazonaws.dynamodb.v20120810#InternalServerError", request.getValue());
            String item = id();
            put(ITEMS, Map.of("pk", s(item)));
            assertThat(get(ITEMS, item)).isNotNull();
        }
    }

    @Test
    void aBodyOverSixteenMebibytesIs413AndTheServerKeepsServing() throws Exception {
        int limit = 16 * 1024 * 1024;
        for (int size : List.of(limit + 1, 33 * 1024 * 1024)) {
            HttpResponse<byte[]> response = send("PutItem", itemOfSize(size));
            assertAwsError(response, 413, "com.amazon.coral.service#RequestEntityTooLargeException", size + " bytes");
            assertThat(dynamo.listTables().tableNames()).contains(ITEMS);
        }
        // exactly at the limit the request is read (and refused for the size of its item)
        HttpResponse<byte[]> atLimit = send("PutItem", itemOfSize(limit));
        assertAwsError(atLimit, 400, "com.amazon.coral.validate#ValidationException", limit + " bytes");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    /** A raw request with a well-formed AWS4 Authorization header (the stand-in checks its shape, not the signature). */
    private static HttpResponse<byte[]> send(String operation, byte[] body) throws Exception {
        String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        return HTTP.send(HttpRequest.newBuilder(URI.create(standIn.endpoint()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                        .header("X-Amz-Date", date)
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/" + date.substring(0, 8)
                                + "/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A DynamoDB error response: the status, a JSON body with this __type, a request id and a matching x-amz-crc32. */
    private static void assertAwsError(HttpResponse<byte[]> response, int status, String type, String description) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(description + ": " + body).isEqualTo(status);
        assertThat(body).as(description).startsWith("{\"__type\":\"" + type + "\"");
        assertThat(response.headers().firstValue("content-type")).contains("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-requestid")).isPresent();
        CRC32 crc = new CRC32();
        crc.update(response.body());
        assertThat(response.headers().firstValue("x-amz-crc32")).contains(Long.toString(crc.getValue()));
    }

    /** A PutItem body of exactly {@code size} bytes, the padding in a string attribute. */
    private static byte[] itemOfSize(int size) {
        String start = "{\"TableName\":\"items\",\"Item\":{\"pk\":{\"S\":\"" + id() + "\"},\"pad\":{\"S\":\"";
        String end = "\"}}}";
        return (start + "x".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.UTF_8);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static TransactWriteItem putItem(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(ITEMS).item(item).build()).build();
    }

    private static void put(String table, Map<String, AttributeValue> item) {
        dynamo.putItem(p -> p.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> get(String table, String pk) {
        var response = dynamo.getItem(g -> g.tableName(table).key(key(pk)).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }
}
