package dev.kippu.booking;

import java.time.Instant;

/** Seats on one event held by one user. */
public record Booking(String id, String eventId, String userId, int quantity, BookingStatus status, Instant createdAt, Instant cancelledAt) {

    public boolean isHeldBy(String userId) {
        return this.userId.equals(userId);
    }
}
