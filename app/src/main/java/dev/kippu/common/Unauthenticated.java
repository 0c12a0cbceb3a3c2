package dev.kippu.common;

/** The operation needs a signed-in caller. */
public final class Unauthenticated extends Problem {

    public Unauthenticated(String message) {
        super(message);
    }
}
