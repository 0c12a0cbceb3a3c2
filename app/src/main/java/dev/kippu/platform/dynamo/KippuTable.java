package dev.kippu.platform.dynamo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Kippu's single DynamoDB table: key names, indexes, and the reads every feature's adapter shares.
 * Each access pattern of the design is one query on the table or one of its three indexes.
 */
@Component
public class KippuTable {

    public static final String PK = "PK";
    public static final String SK = "SK";
    /** Item expiry (epoch seconds), the table's time-to-live attribute. */
    public static final String EXPIRES_AT = "expiresAt";

    private static final int BATCH_GET_LIMIT = 100;
    private static final int TRANSACTION_ATTEMPTS = 4;

    private final DynamoDbClient dynamo;
    private final String name;

    public KippuTable(DynamoDbClient dynamo, DynamoDbProperties properties) {
        this.dynamo = dynamo;
        this.name = properties.tableName();
    }

    public String name() {
        return name;
    }

    public DynamoDbClient client() {
        return dynamo;
    }

    public Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key, boolean consistentRead) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(name).key(key).consistentRead(consistentRead)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Items by key, in batches of 100, retrying keys DynamoDB left unprocessed. Missing items are absent from the result. */
    public List<Map<String, AttributeValue>> getAll(Collection<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<Map<String, AttributeValue>> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> request = Map.of(name,
                    KeysAndAttributes.builder().keys(distinct.subList(from, Math.min(from + BATCH_GET_LIMIT, distinct.size()))).build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                if (attempt > 0) {
                    Backoff.pause(attempt);
                }
                Map<String, KeysAndAttributes> unprocessed = request;
                var response = dynamo.batchGetItem(r -> r.requestItems(unprocessed));
                items.addAll(response.responses().getOrDefault(name, List.of()));
                request = response.unprocessedKeys();
            }
        }
        return items;
    }

    /**
     * One page of an index partition. The cursor is the last item's key; a page is filled across
     * DynamoDB's own pages (1 MB, or items dropped by a filter) until it has {@code first} items.
     */
    public Page<Map<String, AttributeValue>> page(IndexQuery query, PageRequest page) {
        Map<String, AttributeValue> startKey = null;
        if (page.after() != null) {
            startKey = Cursors.decode(page.after(), query.index().cursorKeyNames());
            Cursors.requireValue(startKey, query.index().partitionKey(), query.partition());
        }
        List<Page.Entry<Map<String, AttributeValue>>> entries = new ArrayList<>();
        do {
            QueryResponse response = dynamo.query(request(query, startKey, page.first() + 1 - entries.size()));
            for (Map<String, AttributeValue> item : response.items()) {
                if (entries.size() == page.first()) {
                    return new Page<>(entries, true);
                }
                entries.add(new Page.Entry<>(item, Cursors.encode(item, query.index().cursorKeyNames())));
            }
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return new Page<>(entries, false);
    }

    /**
     * Applies the writes as one transaction. Returns nothing when they were applied, or one reason per
     * write when a condition failed and nothing was applied. Conflicts with concurrent transactions
     * are retried; the SDK's retries of one attempt reuse its client request token, so a retried
     * timeout is never applied twice.
     */
    public List<CancellationReason> transact(List<TransactWriteItem> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return List.of();
            } catch (TransactionCanceledException e) {
                boolean conditionFailed = e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
                if (conditionFailed || attempt == TRANSACTION_ATTEMPTS) {
                    if (conditionFailed) {
                        return e.cancellationReasons();
                    }
                    throw e;
                }
                Backoff.pause(attempt);
            }
        }
    }

    public static boolean conditionFailed(List<CancellationReason> reasons, int write) {
        return reasons.size() > write && "ConditionalCheckFailed".equals(reasons.get(write).code());
    }

    private QueryRequest request(IndexQuery query, Map<String, AttributeValue> startKey, int limit) {
        Map<String, String> names = new HashMap<>(query.filterNames());
        Map<String, AttributeValue> values = new HashMap<>(query.filterValues());
        names.put("#pk", query.index().partitionKey());
        values.put(":pk", Items.s(query.partition()));
        String keyCondition = "#pk = :pk";
        if (query.sortKeyFrom() != null) {
            names.put("#sk", query.index().sortKey());
            values.put(":from", Items.s(query.sortKeyFrom()));
            keyCondition += " AND #sk >= :from";
        }
        return QueryRequest.builder()
                .tableName(name)
                .indexName(query.index().indexName())
                .keyConditionExpression(keyCondition)
                .filterExpression(query.filterExpression())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(!query.descending())
                .exclusiveStartKey(startKey)
                .limit(limit)
                .build();
    }
}
