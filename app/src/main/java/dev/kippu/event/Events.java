package dev.kippu.event;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;

/** Where events are kept. */
public interface Events {

    Optional<Event> find(String id);

    Map<String, Event> findAll(Collection<String> ids);

    /**
     * The event's seats and status, read strongly consistent: a booking committed a moment ago, by
     * any instance of the application, already shows.
     */
    Optional<SeatAvailability> availability(String eventId);

    void create(Event event);

    /**
     * Replaces {@code current} by {@code changed} if nobody changed the event meanwhile; seats
     * remaining move by the capacity difference, atomically with bookings made in between.
     *
     * @return the event as stored, or empty if it changed meanwhile or the change would oversell it
     */
    Optional<Event> update(Event current, Event changed);

    /** Published events starting at or after {@code from}, earliest first, optionally whose title contains {@code search}. */
    Page<Event> upcoming(Instant from, String search, PageRequest page);

    /** An organizer's events, any status, newest first. */
    Page<Event> byOrganizer(String organizerId, PageRequest page);
}
