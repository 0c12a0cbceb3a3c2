package dev.kippu.booking;

import java.time.Instant;
import java.util.Optional;

import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;

/** Where bookings are kept, together with the seat counts they change. */
public interface Bookings {

    Optional<Booking> find(String id);

    Optional<IdempotencyRecord> findByKey(String userId, String idempotencyKey);

    /**
     * In one atomic step: takes the seats from the event if it is published and has enough left,
     * stores the booking, and claims the user's idempotency key until {@code keyExpiresAt}.
     */
    Placement place(Booking booking, String idempotencyKey, Instant keyExpiresAt);

    /** In one atomic step: marks a confirmed booking cancelled and gives its seats back; false if it was not confirmed. */
    boolean cancel(Booking booking, Instant at);

    /** A user's bookings, newest first. */
    Page<Booking> byUser(String userId, PageRequest page);

    /** An event's bookings, oldest first. */
    Page<Booking> byEvent(String eventId, PageRequest page);

    enum Placement {
        PLACED,
        /** The event is no longer published, or has fewer seats left than asked for. */
        SEATS_UNAVAILABLE,
        /** Another request with the same idempotency key got there first. */
        KEY_TAKEN
    }
}
