package dev.kippu.booking;

import java.util.List;
import java.util.function.Consumer;

import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;

/** Walks an event's confirmed bookings a page at a time. */
final class EventBookings {

    private EventBookings() {
    }

    static void forEachConfirmed(Bookings bookings, String eventId, Consumer<List<Booking>> action) {
        PageRequest page = new PageRequest(PageRequest.MAX_SIZE, null);
        while (true) {
            Page<Booking> ofEvent = bookings.byEvent(eventId, page);
            List<Booking> confirmed = ofEvent.items().stream().filter(booking -> booking.status() == BookingStatus.CONFIRMED).toList();
            if (!confirmed.isEmpty()) {
                action.accept(confirmed);
            }
            if (!ofEvent.hasNextPage()) {
                return;
            }
            page = new PageRequest(PageRequest.MAX_SIZE, ofEvent.endCursor());
        }
    }
}
