package dev.kippu.common;

/** The contract's forward pagination: up to {@code first} items after an opaque cursor. */
public record PageRequest(int first, String after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        new Violations().range(first, 1, MAX_SIZE, "first").throwIfAny();
    }

    public static PageRequest of(Integer first, String after) {
        return new PageRequest(first == null ? DEFAULT_SIZE : first, after == null || after.isEmpty() ? null : after);
    }
}
