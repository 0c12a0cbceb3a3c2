package dev.kippu.common;

/** The event cannot take bookings now (draft, cancelled or started). */
public final class EventNotBookable extends Problem {

    public EventNotBookable(String message) {
        super(message);
    }
}
