package dev.kippu.event;

import java.time.Instant;

import dev.kippu.common.Violations;

/** A new event's details; constructing one checks every rule that does not depend on the clock. */
public record CreateEvent(String title, String description, String venue, Instant startsAt, Instant endsAt, int capacity) {

    public CreateEvent {
        Violations violations = new Violations().notNull(title, "title").notNull(description, "description")
                .notNull(venue, "venue").notNull(startsAt, "startsAt").notNull(endsAt, "endsAt");
        EventDetails.check(violations, title, description, venue, capacity).throwIfAny();
    }
}
