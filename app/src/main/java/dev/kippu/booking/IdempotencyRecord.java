package dev.kippu.booking;

/** What a user's idempotency key was first used for. */
public record IdempotencyRecord(String bookingId, String eventId, int quantity) {
}
