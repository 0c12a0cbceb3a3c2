package dev.kippu.common;

/** The caller is known but may not do this. */
public final class Forbidden extends Problem {

    public Forbidden(String message) {
        super(message);
    }
}
