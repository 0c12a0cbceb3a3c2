package dev.kippu.booking;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;
import dev.kippu.event.Event;
import dev.kippu.event.EventCancellationListener;

/** When an event is cancelled, so are its confirmed bookings. Safe to repeat: cancelled bookings are skipped. */
@Component
class CancelledEventBookings implements EventCancellationListener {

    private final Bookings bookings;
    private final Clock clock;

    CancelledEventBookings(Bookings bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    @Override
    public void eventCancelled(Event event, String reason) {
        PageRequest page = new PageRequest(PageRequest.MAX_SIZE, null);
        while (true) {
            Page<Booking> ofEvent = bookings.byEvent(event.id(), page);
            ofEvent.items().stream()
                    .filter(booking -> booking.status() == BookingStatus.CONFIRMED)
                    .forEach(booking -> bookings.cancel(booking, clock.instant()));
            if (!ofEvent.hasNextPage()) {
                return;
            }
            page = new PageRequest(PageRequest.MAX_SIZE, ofEvent.endCursor());
        }
    }
}
