package dev.kippu.event;

import java.time.Instant;

import dev.kippu.account.CurrentUser;
import dev.kippu.common.Conflict;

/**
 * An event people book seats for. {@code version} increases with every change an organizer makes
 * (bookings change only {@code seatsRemaining}), so concurrent edits are detected, not lost.
 */
public record Event(
        String id,
        String organizerId,
        String title,
        String description,
        String venue,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        int seatsRemaining,
        EventStatus status,
        String coverImageUrl,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public int seatsSold() {
        return capacity - seatsRemaining;
    }

    public boolean isOrganizedBy(CurrentUser user) {
        return user != null && user.id().equals(organizerId);
    }

    /** Drafts are seen only by their organizer; published and cancelled events by everyone. */
    public boolean isVisibleTo(CurrentUser user) {
        return status != EventStatus.DRAFT || isOrganizedBy(user);
    }

    public boolean hasStarted(Instant now) {
        return !startsAt.isAfter(now);
    }

    public boolean isBookable(Instant now) {
        return status == EventStatus.PUBLISHED && !hasStarted(now);
    }

    /** An organizer may change the event unless it is cancelled. */
    public void requireChangeable() {
        if (status == EventStatus.CANCELLED) {
            throw new Conflict("This event is cancelled and can no longer be changed.");
        }
    }

    Event withDetails(String title, String description, String venue, Instant startsAt, Instant endsAt, int capacity, Instant now) {
        return new Event(id, organizerId, title, description, venue, startsAt, endsAt, capacity,
                seatsRemaining + (capacity - this.capacity), status, coverImageUrl, createdAt, now, version + 1);
    }

    Event withCover(String newCoverImageUrl, Instant now) {
        return new Event(id, organizerId, title, description, venue, startsAt, endsAt, capacity, seatsRemaining,
                status, newCoverImageUrl, createdAt, now, version + 1);
    }

    Event withStatus(EventStatus newStatus, Instant now) {
        return new Event(id, organizerId, title, description, venue, startsAt, endsAt, capacity, seatsRemaining,
                newStatus, coverImageUrl, createdAt, now, version + 1);
    }
}
