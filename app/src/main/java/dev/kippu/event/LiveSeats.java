package dev.kippu.event;

import org.springframework.stereotype.Service;

import dev.kippu.account.CurrentUser;
import dev.kippu.common.NotFound;

/**
 * Live seat availability: a follower gets an event's availability at once, then every change,
 * wherever it was made (a booking handled by another instance shows as soon as one handled here).
 * Who may follow is decided here; how changes are seen is {@link SeatPollers}'.
 */
@Service
public class LiveSeats {

    private final EventService events;
    private final SeatPollers pollers;

    LiveSeats(EventService events, SeatPollers pollers) {
        this.events = events;
        this.pollers = pollers;
    }

    /** The caller may follow the event if they may see it: drafts only their organizer, like {@code event(id)}. */
    public Feed feed(CurrentUser caller, String eventId) {
        if (events.find(caller, eventId).isEmpty()) {
            throw new NotFound("No event with id " + eventId + ".");
        }
        return new Feed(eventId);
    }

    /** The right to follow one event, checked for one caller when it was handed out. */
    public final class Feed {

        private final String eventId;

        private Feed(String eventId) {
            this.eventId = eventId;
        }

        public String eventId() {
            return eventId;
        }

        /**
         * Delivers the current availability, then each change, until the returned action is run
         * (stopping twice is harmless) or the follower is finished.
         */
        public Runnable follow(SeatPollers.Follower follower) {
            return pollers.follow(eventId, follower);
        }
    }
}
