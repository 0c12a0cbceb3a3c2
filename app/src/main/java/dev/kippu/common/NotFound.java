package dev.kippu.common;

/** The thing asked for does not exist, or the caller may not know it exists. */
public final class NotFound extends Problem {

    public NotFound(String message) {
        super(message);
    }
}
