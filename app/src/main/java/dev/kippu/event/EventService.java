package dev.kippu.event;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;

import dev.kippu.account.AccountService;
import dev.kippu.account.CurrentUser;
import dev.kippu.common.Conflict;
import dev.kippu.common.Forbidden;
import dev.kippu.common.NotFound;
import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;
import dev.kippu.common.Violations;

/** The organizer's use cases (create, change, publish, cancel) and finding events. */
@Service
public class EventService {

    /** How often a change is re-applied when another change or a booking got in between. */
    private static final int ATTEMPTS = 5;

    private final Events events;
    private final AccountService accounts;
    private final List<EventCancellationListener> cancellationListeners;
    private final Clock clock;

    EventService(Events events, AccountService accounts, List<EventCancellationListener> cancellationListeners, Clock clock) {
        this.events = events;
        this.accounts = accounts;
        this.cancellationListeners = cancellationListeners;
        this.clock = clock;
    }

    public Event create(CurrentUser organizer, CreateEvent input) {
        organizer.requireOrganizer();
        Instant now = clock.instant();
        EventDetails.checkSchedule(new Violations(), input.startsAt(), input.endsAt(), now).throwIfAny();
        accounts.profileOf(organizer);
        Event event = new Event(UUID.randomUUID().toString(), organizer.id(), input.title(), input.description(),
                input.venue(), input.startsAt(), input.endsAt(), input.capacity(), input.capacity(),
                EventStatus.DRAFT, null, now, now, 1);
        events.create(event);
        return event;
    }

    public Event update(CurrentUser organizer, String id, UpdateEvent input) {
        return change(organizer, id, event -> {
            event.requireChangeable();
            return input.applyTo(event, clock.instant());
        });
    }

    public Event publish(CurrentUser organizer, String id) {
        return change(organizer, id, event -> switch (event.status()) {
            case PUBLISHED -> event;
            case CANCELLED -> throw new Conflict("This event is cancelled and cannot be published.");
            case DRAFT -> {
                if (event.hasStarted(clock.instant())) {
                    throw new Conflict("This event has already started: move startsAt into the future before publishing.");
                }
                yield event.withStatus(EventStatus.PUBLISHED, clock.instant());
            }
        });
    }

    /**
     * Points the event at another cover image: the public URL of an image that has already been checked
     * and published. Like any change, not on a cancelled event.
     */
    public Event setCover(CurrentUser organizer, String id, String coverImageUrl) {
        new Violations().length(coverImageUrl, 1, 2000, "coverImageUrl").throwIfAny();
        return change(organizer, id, event -> {
            event.requireChangeable();
            return Objects.equals(event.coverImageUrl(), coverImageUrl) ? event : event.withCover(coverImageUrl, clock.instant());
        });
    }

    /** Cancels the event, then its bookings; calling it again finishes a cancellation that was interrupted. */
    public Event cancel(CurrentUser organizer, String id, String reason) {
        new Violations().length(reason == null ? "" : reason, 0, 500, "reason").throwIfAny();
        Event cancelled = change(organizer, id, event -> event.status() == EventStatus.CANCELLED
                ? event
                : event.withStatus(EventStatus.CANCELLED, clock.instant()));
        cancellationListeners.forEach(listener -> listener.eventCancelled(cancelled, reason));
        return cancelled;
    }

    /** The event if it exists and the caller may see it. */
    public Optional<Event> find(CurrentUser caller, String id) {
        return events.find(id).filter(event -> event.isVisibleTo(caller));
    }

    /** Events by id for loading in batches; the caller's visibility is checked by whoever shows them. */
    public Map<String, Event> findAll(Collection<String> ids) {
        return events.findAll(ids);
    }

    public Page<Event> upcoming(Instant from, String search, PageRequest page) {
        Instant now = clock.instant();
        String term = search == null ? null : search.strip();
        new Violations().length(term == null ? "" : term, 0, 100, "search").throwIfAny();
        return events.upcoming(from == null || from.isBefore(now) ? now : from, term == null || term.isEmpty() ? null : term, page);
    }

    public Page<Event> organizedBy(CurrentUser organizer, PageRequest page) {
        organizer.requireOrganizer();
        return events.byOrganizer(organizer.id(), page);
    }

    /** The caller's own event, or why not. */
    public Event requireOwned(CurrentUser organizer, String id) {
        organizer.requireOrganizer();
        Event event = find(organizer, id).orElseThrow(() -> new NotFound("No event with id " + id + "."));
        if (!event.isOrganizedBy(organizer)) {
            throw new Forbidden("Only the event's organizer can do this.");
        }
        return event;
    }

    private Event change(CurrentUser organizer, String id, UnaryOperator<Event> change) {
        Event current = requireOwned(organizer, id);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Event changed = change.apply(current);
            if (changed == current) {
                return current;
            }
            Optional<Event> stored = events.update(current, changed);
            if (stored.isPresent()) {
                return stored.get();
            }
            current = requireOwned(organizer, id);
        }
        throw new Conflict("The event kept changing while this change was applied; try again.");
    }
}
