package dev.kippu.common;

/**
 * A request the application refuses, for a reason the caller can act on. Each subtype maps to one
 * error code of the public API; the message is shown to the caller as it is.
 */
public abstract sealed class Problem extends RuntimeException
        permits InvalidInput, NotFound, Forbidden, Conflict, Unauthenticated, SoldOut, EventNotBookable {

    protected Problem(String message) {
        super(message, null, false, false);
    }
}
