package dev.kippu.event;

/** What a buyer watching an event needs to know: how many seats are left and whether it can still be booked. */
public record SeatAvailability(String eventId, int seatsRemaining, EventStatus status) {
}
