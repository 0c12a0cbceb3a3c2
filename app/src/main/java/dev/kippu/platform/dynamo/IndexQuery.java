package dev.kippu.platform.dynamo;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A query of one index partition, optionally from a sort key value on, optionally filtered. */
public record IndexQuery(Index index, String partition, String sortKeyFrom, boolean descending,
                         String filterExpression, Map<String, String> filterNames, Map<String, AttributeValue> filterValues) {

    public static IndexQuery of(Index index, String partition) {
        return new IndexQuery(index, partition, null, false, null, Map.of(), Map.of());
    }

    public IndexQuery newestFirst() {
        return new IndexQuery(index, partition, sortKeyFrom, true, filterExpression, filterNames, filterValues);
    }

    public IndexQuery from(String sortKey) {
        return new IndexQuery(index, partition, sortKey, descending, filterExpression, filterNames, filterValues);
    }

    public IndexQuery filter(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        return new IndexQuery(index, partition, sortKeyFrom, descending, expression, names, values);
    }
}
