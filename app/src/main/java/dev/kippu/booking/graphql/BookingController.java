package dev.kippu.booking.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import dev.kippu.account.CurrentUser;
import dev.kippu.booking.BookSeats;
import dev.kippu.booking.Booking;
import dev.kippu.booking.BookingService;
import dev.kippu.common.PageRequest;
import dev.kippu.event.Event;
import dev.kippu.event.EventService;
import dev.kippu.platform.graphql.Connection;

/** Bookings in the GraphQL API. */
@Controller
class BookingController {

    private final BookingService bookings;
    private final EventService events;

    BookingController(BookingService bookings, EventService events) {
        this.bookings = bookings;
        this.events = events;
    }

    @QueryMapping
    Connection<Booking> myBookings(CurrentUser user, @Argument Integer first, @Argument String after) {
        return Connection.of(bookings.bookingsOf(user, PageRequest.of(first, after)));
    }

    @MutationMapping
    Booking bookSeats(CurrentUser user, @Argument BookSeats input) {
        return bookings.book(user, input);
    }

    @MutationMapping
    Booking cancelBooking(CurrentUser user, @Argument String id) {
        return bookings.cancel(user, id);
    }

    @SchemaMapping(typeName = "Event")
    Connection<Booking> bookings(Event event, CurrentUser user, @Argument Integer first, @Argument String after) {
        return Connection.of(bookings.bookingsFor(user, event, PageRequest.of(first, after)));
    }

    /** The events of a whole page of bookings in one batched read. */
    @BatchMapping(typeName = "Booking")
    Map<Booking, Event> event(List<Booking> page) {
        Map<String, Event> byId = events.findAll(page.stream().map(Booking::eventId).toList());
        return page.stream().filter(booking -> byId.containsKey(booking.eventId()))
                .collect(Collectors.toMap(Function.identity(), booking -> byId.get(booking.eventId()), (first, second) -> first));
    }
}
