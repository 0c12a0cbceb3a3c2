package dev.kippu.booking;

import java.util.regex.Pattern;

import dev.kippu.common.Violations;

/**
 * A request for seats. The idempotency key makes retries safe: the same key with the same request
 * returns the first booking instead of booking again.
 */
public record BookSeats(String eventId, int quantity, String idempotencyKey) {

    public static final int MAX_QUANTITY = 10;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public BookSeats {
        new Violations()
                .length(eventId, 1, 100, "eventId")
                .range(quantity, 1, MAX_QUANTITY, "quantity")
                .matches(idempotencyKey, KEY, "idempotencyKey", "must be 8 to 64 characters of A-Z, a-z, 0-9, _ and -")
                .throwIfAny();
    }

    boolean sameRequestAs(IdempotencyRecord record) {
        return record.eventId().equals(eventId) && record.quantity() == quantity;
    }
}
