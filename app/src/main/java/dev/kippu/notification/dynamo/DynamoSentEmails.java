package dev.kippu.notification.dynamo;

import static dev.kippu.platform.dynamo.Items.n;
import static dev.kippu.platform.dynamo.Items.s;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Repository;

import dev.kippu.notification.SentEmails;
import dev.kippu.notification.SentEmails.Claim.AlreadySent;
import dev.kippu.notification.SentEmails.Claim.Claimed;
import dev.kippu.notification.SentEmails.Claim.HeldElsewhere;
import dev.kippu.platform.dynamo.Items;
import dev.kippu.platform.dynamo.KippuTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * One item per e-mail job ({@code EMAIL#<job>}): {@code SENDING} with a lease while a worker sends,
 * then {@code SENT}. Items expire after 14 days, longer than any queue keeps a message.
 */
@Repository
class DynamoSentEmails implements SentEmails {

    private static final Duration RETENTION = Duration.ofDays(14);

    private final KippuTable table;
    private final Clock clock;

    DynamoSentEmails(KippuTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Claim claim(String jobId, Duration lease) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(key(jobId));
        item.put("state", s("SENDING"));
        item.put("leaseUntil", n(now.plus(lease).toEpochMilli()));
        item.put(KippuTable.EXPIRES_AT, n(now.plus(RETENTION).getEpochSecond()));
        try {
            boolean takenOver = !table.client().putItem(r -> r.tableName(table.name()).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR (#state = :sending AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":sending", s("SENDING"), ":now", n(now.toEpochMilli())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes().isEmpty();
            return new Claimed(takenOver);
        } catch (ConditionalCheckFailedException taken) {
            return table.get(key(jobId), true).<Claim>map(existing -> "SENT".equals(Items.string(existing, "state"))
                            ? new AlreadySent()
                            : new HeldElsewhere(Instant.ofEpochMilli(Items.number(existing, "leaseUntil"))))
                    .orElseGet(() -> new HeldElsewhere(now)); // released since: try again soon
        }
    }

    @Override
    public void markSent(String jobId) {
        table.client().updateItem(r -> r.tableName(table.name()).key(key(jobId))
                .updateExpression("SET #state = :sent REMOVE leaseUntil")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":sent", s("SENT"))));
    }

    @Override
    public void release(String jobId) {
        table.client().deleteItem(r -> r.tableName(table.name()).key(key(jobId))
                .conditionExpression("#state = :sending")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":sending", s("SENDING"))));
    }

    private static Map<String, AttributeValue> key(String jobId) {
        return Items.key("EMAIL#" + jobId, "EMAIL");
    }
}
