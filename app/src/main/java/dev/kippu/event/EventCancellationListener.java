package dev.kippu.event;

/** Work that follows an event's cancellation (cancelling its bookings, telling attendees). Must be safe to repeat. */
public interface EventCancellationListener {

    void eventCancelled(Event event, String reason);
}
