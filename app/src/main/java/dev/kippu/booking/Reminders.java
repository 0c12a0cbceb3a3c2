package dev.kippu.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.kippu.account.AccountService;
import dev.kippu.account.UserProfile;
import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;
import dev.kippu.event.Event;
import dev.kippu.event.EventService;
import dev.kippu.notification.EmailJob;
import dev.kippu.notification.EmailKind;

/**
 * The scheduled reminder (日時通知): one e-mail per confirmed booking of every event starting within
 * a day. Each booking is marked in the same transaction that queues its reminder, so runs that
 * overlap or repeat send each reminder once.
 */
@Service
public class Reminders {

    static final Duration AHEAD = Duration.ofHours(24);

    private final EventService events;
    private final Bookings bookings;
    private final AccountService accounts;
    private final Clock clock;

    Reminders(EventService events, Bookings bookings, AccountService accounts, Clock clock) {
        this.events = events;
        this.bookings = bookings;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Queues the reminders due now; returns how many this run queued. */
    public int queueDue() {
        Instant horizon = clock.instant().plus(AHEAD);
        int queued = 0;
        PageRequest page = new PageRequest(PageRequest.MAX_SIZE, null);
        while (true) {
            Page<Event> upcoming = events.upcoming(null, null, page);
            for (Event event : upcoming.items()) {
                if (!event.startsAt().isBefore(horizon)) {
                    return queued;
                }
                queued += remindAttendeesOf(event);
            }
            if (!upcoming.hasNextPage()) {
                return queued;
            }
            page = new PageRequest(PageRequest.MAX_SIZE, upcoming.endCursor());
        }
    }

    private int remindAttendeesOf(Event event) {
        int[] queued = {0};
        EventBookings.forEachConfirmed(bookings, event.id(), page -> {
            Map<String, UserProfile> holders = accounts.profiles(page.stream().map(Booking::userId).toList());
            for (Booking booking : page) {
                UserProfile holder = holders.getOrDefault(booking.userId(), UserProfile.unknown(booking.userId()));
                if (bookings.remind(booking, EmailJob.about(EmailKind.REMINDER, booking.id(), booking.quantity(), event, holder, null))) {
                    queued[0]++;
                }
            }
        });
        return queued[0];
    }
}
