package dev.kippu.common;

/** The request contradicts the current state (already cancelled, changed concurrently, key reused with other input). */
public final class Conflict extends Problem {

    public Conflict(String message) {
        super(message);
    }
}
