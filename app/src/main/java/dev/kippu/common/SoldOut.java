package dev.kippu.common;

/** Fewer seats remain than were asked for. */
public final class SoldOut extends Problem {

    public SoldOut(String message) {
        super(message);
    }
}
