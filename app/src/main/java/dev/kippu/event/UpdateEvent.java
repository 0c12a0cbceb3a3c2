package dev.kippu.event;

import java.time.Instant;

import dev.kippu.common.Violations;

/** Changes to an event's details; a null field stays as it is. */
public record UpdateEvent(String title, String description, String venue, Instant startsAt, Instant endsAt, Integer capacity) {

    public UpdateEvent {
        EventDetails.check(new Violations(), title, description, venue, capacity).throwIfAny();
    }

    Event applyTo(Event event, Instant now) {
        Instant newStart = startsAt != null ? startsAt : event.startsAt();
        Instant newEnd = endsAt != null ? endsAt : event.endsAt();
        int newCapacity = capacity != null ? capacity : event.capacity();
        Violations violations = new Violations();
        if (startsAt != null || endsAt != null) {
            EventDetails.checkSchedule(violations, newStart, newEnd, now);
        }
        violations.require(newCapacity >= event.seatsSold(), "capacity",
                "cannot be below the " + event.seatsSold() + " seats already sold").throwIfAny();
        return event.withDetails(
                title != null ? title : event.title(),
                description != null ? description : event.description(),
                venue != null ? venue : event.venue(),
                newStart, newEnd, newCapacity, now);
    }
}
