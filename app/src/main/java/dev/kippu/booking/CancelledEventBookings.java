package dev.kippu.booking;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.kippu.account.AccountService;
import dev.kippu.account.UserProfile;
import dev.kippu.event.Event;
import dev.kippu.event.EventCancellationListener;
import dev.kippu.notification.EmailJob;
import dev.kippu.notification.EmailKind;

/**
 * When an event is cancelled, so are its confirmed bookings, each with an e-mail to its holder.
 * Safe to repeat: cancelled bookings are skipped.
 */
@Component
class CancelledEventBookings implements EventCancellationListener {

    private final Bookings bookings;
    private final AccountService accounts;
    private final Clock clock;

    CancelledEventBookings(Bookings bookings, AccountService accounts, Clock clock) {
        this.bookings = bookings;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void eventCancelled(Event event, String reason) {
        EventBookings.forEachConfirmed(bookings, event.id(), page -> {
            Map<String, UserProfile> holders = accounts.profiles(page.stream().map(Booking::userId).toList());
            page.forEach(booking -> bookings.cancel(booking, clock.instant(), EmailJob.about(EmailKind.EVENT_CANCELLED, booking.id(),
                    booking.quantity(), event, holders.getOrDefault(booking.userId(), UserProfile.unknown(booking.userId())), reason)));
        });
    }
}
