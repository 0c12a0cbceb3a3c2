package dev.kippu.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.kippu.account.AccountService;
import dev.kippu.account.CurrentUser;
import dev.kippu.common.Conflict;
import dev.kippu.common.EventNotBookable;
import dev.kippu.common.Forbidden;
import dev.kippu.common.NotFound;
import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;
import dev.kippu.common.SoldOut;
import dev.kippu.event.Event;
import dev.kippu.event.EventService;
import dev.kippu.notification.EmailJob;
import dev.kippu.notification.EmailKind;

/** Booking and cancelling seats. No seat is ever sold twice: the seat count changes only inside the booking's transaction. */
@Service
public class BookingService {

    /** How long an idempotency key is remembered: longer than any client keeps retrying one purchase. */
    static final Duration KEY_RETENTION = Duration.ofHours(24);
    private static final int ATTEMPTS = 3;

    private final Bookings bookings;
    private final EventService events;
    private final AccountService accounts;
    private final Clock clock;

    BookingService(Bookings bookings, EventService events, AccountService accounts, Clock clock) {
        this.bookings = bookings;
        this.events = events;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Booking book(CurrentUser user, BookSeats request) {
        var earlier = bookings.findByKey(user.id(), request.idempotencyKey());
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        Event event = bookableEvent(user, request);
        Instant now = clock.instant();
        Booking booking = new Booking(UUID.randomUUID().toString(), event.id(), user.id(), request.quantity(),
                BookingStatus.CONFIRMED, now, null);
        EmailJob confirmation = EmailJob.about(EmailKind.BOOKING_CONFIRMED, booking.id(), booking.quantity(), event, accounts.profileOf(user), null);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            switch (bookings.place(booking, request.idempotencyKey(), now.plus(KEY_RETENTION), confirmation)) {
                case PLACED -> {
                    return booking;
                }
                case KEY_TAKEN -> {
                    return replay(bookings.findByKey(user.id(), request.idempotencyKey())
                            .orElseThrow(() -> new Conflict("This idempotency key is being used by another request; try again.")), request);
                }
                case SEATS_UNAVAILABLE -> bookableEvent(user, request);
            }
        }
        throw new SoldOut("Not enough seats are left for this booking.");
    }

    public Booking cancel(CurrentUser user, String bookingId) {
        Booking booking = bookings.find(bookingId).orElseThrow(() -> new NotFound("No booking with id " + bookingId + "."));
        if (!booking.isHeldBy(user.id())) {
            throw new Forbidden("Only the person who booked can cancel this booking.");
        }
        if (booking.status() == BookingStatus.CANCELLED) {
            return booking;
        }
        Event event = events.find(user, booking.eventId()).orElseThrow(() -> new NotFound("The event of this booking is gone."));
        if (event.hasStarted(clock.instant())) {
            throw new Conflict("The event has started; bookings can only be cancelled before it starts.");
        }
        bookings.cancel(booking, clock.instant(),
                EmailJob.about(EmailKind.BOOKING_CANCELLED, booking.id(), booking.quantity(), event, accounts.profileOf(user), null));
        return bookings.find(bookingId).orElseThrow();
    }

    public Page<Booking> bookingsOf(CurrentUser user, PageRequest page) {
        return bookings.byUser(user.id(), page);
    }

    public Page<Booking> bookingsFor(CurrentUser caller, Event event, PageRequest page) {
        if (!event.isOrganizedBy(caller)) {
            throw new Forbidden("Only the event's organizer can see its bookings.");
        }
        return bookings.byEvent(event.id(), page);
    }

    private Event bookableEvent(CurrentUser user, BookSeats request) {
        Event event = events.find(user, request.eventId())
                .orElseThrow(() -> new NotFound("No event with id " + request.eventId() + "."));
        if (!event.isBookable(clock.instant())) {
            throw new EventNotBookable(switch (event.status()) {
                case DRAFT -> "This event is not published yet.";
                case CANCELLED -> "This event was cancelled.";
                case PUBLISHED -> "This event has already started.";
            });
        }
        if (event.seatsRemaining() < request.quantity()) {
            throw new SoldOut(event.seatsRemaining() == 0
                    ? "This event is sold out."
                    : "Only " + event.seatsRemaining() + " seats are left; ask for fewer.");
        }
        return event;
    }

    private Booking replay(IdempotencyRecord earlier, BookSeats request) {
        if (!request.sameRequestAs(earlier)) {
            throw new Conflict("This idempotency key was already used for a different booking; use a new key for a new booking.");
        }
        return bookings.find(earlier.bookingId())
                .orElseThrow(() -> new Conflict("The booking for this idempotency key is still being written; try again."));
    }
}
