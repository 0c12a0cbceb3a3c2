package dev.kippu.booking;

import java.time.Instant;
import java.util.Optional;

import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;
import dev.kippu.notification.EmailJob;

/** Where bookings are kept, together with the seat counts they change. */
public interface Bookings {

    Optional<Booking> find(String id);

    Optional<IdempotencyRecord> findByKey(String userId, String idempotencyKey);

    /**
     * In one atomic step: takes the seats from the event if it is published and has enough left,
     * stores the booking, claims the user's idempotency key until {@code keyExpiresAt}, and queues
     * the confirmation e-mail.
     */
    Placement place(Booking booking, String idempotencyKey, Instant keyExpiresAt, EmailJob confirmation);

    /**
     * In one atomic step: marks a confirmed booking cancelled, gives its seats back and queues the
     * notice; false if it was not confirmed.
     */
    boolean cancel(Booking booking, Instant at, EmailJob notice);

    /** In one atomic step: marks a confirmed booking reminded and queues the reminder; false if it was reminded before or is not confirmed. */
    boolean remind(Booking booking, EmailJob reminder);

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
