package dev.kippu.booking.dynamo;

import static dev.kippu.platform.dynamo.Items.instant;
import static dev.kippu.platform.dynamo.Items.integer;
import static dev.kippu.platform.dynamo.Items.n;
import static dev.kippu.platform.dynamo.Items.s;
import static dev.kippu.platform.dynamo.Items.string;
import static dev.kippu.platform.dynamo.Items.time;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import dev.kippu.booking.Booking;
import dev.kippu.booking.BookingStatus;
import dev.kippu.booking.Bookings;
import dev.kippu.booking.IdempotencyRecord;
import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;
import dev.kippu.notification.EmailJob;
import dev.kippu.platform.dynamo.Index;
import dev.kippu.platform.dynamo.IndexQuery;
import dev.kippu.platform.dynamo.Items;
import dev.kippu.platform.dynamo.Keys;
import dev.kippu.platform.dynamo.KippuTable;
import dev.kippu.platform.dynamo.Outbox;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Bookings in the single table: a booking item ({@code BOOKING#id}, indexed by user and by event)
 * and, per user and idempotency key, a record that expires through the table's TTL. Placing and
 * cancelling change the event's {@code seatsRemaining} in the same transaction as the booking.
 */
@Repository
class DynamoBookings implements Bookings {

    private static final int TAKE_SEATS = 0;
    private static final int CLAIM_KEY = 2;

    private final KippuTable table;
    private final Outbox outbox;
    private final Clock clock;

    DynamoBookings(KippuTable table, Outbox outbox, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Optional<Booking> find(String id) {
        return table.get(key(id), true).map(DynamoBookings::booking);
    }

    @Override
    public Optional<IdempotencyRecord> findByKey(String userId, String idempotencyKey) {
        long now = clock.instant().getEpochSecond();
        return table.get(idempotencyKey(userId, idempotencyKey), true)
                .filter(item -> Items.number(item, KippuTable.EXPIRES_AT) > now)
                .map(item -> new IdempotencyRecord(string(item, "bookingId"), string(item, "eventId"), integer(item, "quantity")));
    }

    @Override
    public Placement place(Booking booking, String idempotencyKey, Instant keyExpiresAt, EmailJob confirmation) {
        Instant now = clock.instant();
        Map<String, AttributeValue> claim = new HashMap<>(idempotencyKey(booking.userId(), idempotencyKey));
        claim.put("bookingId", s(booking.id()));
        claim.put("eventId", s(booking.eventId()));
        claim.put("quantity", n(booking.quantity()));
        claim.put(KippuTable.EXPIRES_AT, n(keyExpiresAt.getEpochSecond()));

        List<CancellationReason> reasons = table.transact(List.of(
                TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(Keys.event(booking.eventId()))
                        .updateExpression("SET seatsRemaining = seatsRemaining - :quantity")
                        .conditionExpression("seatsRemaining >= :quantity AND #status = :published AND startsAt > :now")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":quantity", n(booking.quantity()), ":published", s("PUBLISHED"), ":now", time(now))))
                        .build(),
                TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item(booking))
                        .conditionExpression("attribute_not_exists(PK)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(claim)
                        .conditionExpression("attribute_not_exists(PK) OR #expiresAt <= :nowSeconds")
                        .expressionAttributeNames(Map.of("#expiresAt", KippuTable.EXPIRES_AT))
                        .expressionAttributeValues(Map.of(":nowSeconds", n(now.getEpochSecond())))).build(),
                outbox.put(confirmation.id(), confirmation.fields(), now)));
        if (reasons.isEmpty()) {
            return Placement.PLACED;
        }
        if (KippuTable.conditionFailed(reasons, CLAIM_KEY)) {
            return Placement.KEY_TAKEN;
        }
        if (KippuTable.conditionFailed(reasons, TAKE_SEATS)) {
            return Placement.SEATS_UNAVAILABLE;
        }
        throw new IllegalStateException("booking " + booking.id() + " already exists");
    }

    @Override
    public boolean cancel(Booking booking, Instant at, EmailJob notice) {
        List<CancellationReason> reasons = table.transact(List.of(
                TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(key(booking.id()))
                        .updateExpression("SET #status = :cancelled, cancelledAt = :at")
                        .conditionExpression("#status = :confirmed")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":cancelled", s(BookingStatus.CANCELLED.name()),
                                ":confirmed", s(BookingStatus.CONFIRMED.name()), ":at", time(at))))
                        .build(),
                TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(Keys.event(booking.eventId()))
                        .updateExpression("SET seatsRemaining = seatsRemaining + :quantity")
                        .conditionExpression("attribute_exists(PK)")
                        .expressionAttributeValues(Map.of(":quantity", n(booking.quantity()))))
                        .build(),
                outbox.put(notice.id(), notice.fields(), at)));
        return reasons.isEmpty();
    }

    @Override
    public boolean remind(Booking booking, EmailJob reminder) {
        Instant now = clock.instant();
        return table.transact(List.of(
                TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(key(booking.id()))
                        .updateExpression("SET remindedAt = :now")
                        .conditionExpression("#status = :confirmed AND attribute_not_exists(remindedAt)")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":confirmed", s(BookingStatus.CONFIRMED.name()), ":now", time(now))))
                        .build(),
                outbox.put(reminder.id(), reminder.fields(), now))).isEmpty();
    }

    @Override
    public Page<Booking> byUser(String userId, PageRequest page) {
        return table.page(IndexQuery.of(Index.BY_OWNER, "USER#" + userId).newestFirst(), page).map(DynamoBookings::booking);
    }

    @Override
    public Page<Booking> byEvent(String eventId, PageRequest page) {
        return table.page(IndexQuery.of(Index.BY_EVENT, "EVENT#" + eventId), page).map(DynamoBookings::booking);
    }

    private static Map<String, AttributeValue> key(String bookingId) {
        return Items.key("BOOKING#" + bookingId, "BOOKING");
    }

    private static Map<String, AttributeValue> idempotencyKey(String userId, String idempotencyKey) {
        return Items.key("IDEMPOTENCY#" + userId + "#" + idempotencyKey, "IDEMPOTENCY");
    }

    private static Map<String, AttributeValue> item(Booking booking) {
        Map<String, AttributeValue> item = new HashMap<>(key(booking.id()));
        String sortKey = Items.format(booking.createdAt()) + "#" + booking.id();
        item.put("id", s(booking.id()));
        item.put("eventId", s(booking.eventId()));
        item.put("userId", s(booking.userId()));
        item.put("quantity", n(booking.quantity()));
        item.put("status", s(booking.status().name()));
        item.put("createdAt", time(booking.createdAt()));
        item.put("ownerPk", s("USER#" + booking.userId()));
        item.put("ownerSk", s(sortKey));
        item.put("eventPk", s("EVENT#" + booking.eventId()));
        item.put("eventSk", s(sortKey));
        return item;
    }

    private static Booking booking(Map<String, AttributeValue> item) {
        return new Booking(string(item, "id"), string(item, "eventId"), string(item, "userId"), integer(item, "quantity"),
                BookingStatus.valueOf(string(item, "status")), instant(item, "createdAt"), instant(item, "cancelledAt"));
    }
}
