package dev.kippu.platform.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.kippu.common.PageRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A transactional outbox in the table: a feature adds an entry (plain text fields) to the
 * transaction that makes the change the entry reports, so the entry exists exactly when the change
 * does. Entries are spread over a few index partitions so that a burst of writes has no hot key.
 */
@Component
public class Outbox {

    static final int SHARDS = 8;

    private final KippuTable table;

    public Outbox(KippuTable table) {
        this.table = table;
    }

    public TransactWriteItem put(String id, Map<String, String> fields, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key(id));
        item.put("id", Items.s(id));
        item.put("fields", AttributeValue.fromM(fields.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> Items.s(entry.getValue())))));
        item.put("outboxPk", Items.s("OUTBOX#" + Math.floorMod(id.hashCode(), SHARDS)));
        item.put("outboxSk", Items.s(Items.format(at) + "#" + id));
        return TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(item)).build();
    }

    /** Up to {@code limit} entries, roughly oldest first. */
    public List<Entry> oldest(int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            items.addAll(table.page(IndexQuery.of(Index.OUTBOX, "OUTBOX#" + shard), new PageRequest(Math.min(limit, PageRequest.MAX_SIZE), null)).items());
        }
        return items.stream()
                .sorted(Comparator.comparing(item -> Items.string(item, "outboxSk")))
                .limit(limit)
                .map(item -> new Entry(Items.string(item, "id"), item.get("fields").m().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, field -> field.getValue().s()))))
                .toList();
    }

    public void remove(String id) {
        table.client().deleteItem(r -> r.tableName(table.name()).key(key(id)));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Items.key("OUTBOX#" + id, "OUTBOX");
    }

    public record Entry(String id, Map<String, String> fields) {
    }
}
