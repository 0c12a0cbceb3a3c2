package dev.kippu.event;

import java.time.Instant;

import dev.kippu.common.Violations;

/** The contract's rules for an event's details, shared by creating and updating. */
final class EventDetails {

    static final int MAX_CAPACITY = 100_000;

    private EventDetails() {
    }

    static Violations check(Violations violations, String title, String description, String venue, Integer capacity) {
        if (title != null) {
            violations.length(title, 1, 120, "title");
        }
        if (description != null) {
            violations.length(description, 0, 5000, "description");
        }
        if (venue != null) {
            violations.length(venue, 1, 200, "venue");
        }
        if (capacity != null) {
            violations.range(capacity, 1, MAX_CAPACITY, "capacity");
        }
        return violations;
    }

    static Violations checkSchedule(Violations violations, Instant startsAt, Instant endsAt, Instant now) {
        violations.require(startsAt.isAfter(now), "startsAt", "must be in the future");
        return violations.require(endsAt.isAfter(startsAt), "endsAt", "must be after startsAt");
    }
}
