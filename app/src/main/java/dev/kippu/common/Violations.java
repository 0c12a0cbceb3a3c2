package dev.kippu.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every broken rule of one input, so the caller learns about all of them at once. */
public final class Violations {

    private final List<InvalidInput.Violation> found = new ArrayList<>();

    public Violations require(boolean valid, String field, String message) {
        if (!valid) {
            found.add(new InvalidInput.Violation(field, message));
        }
        return this;
    }

    public Violations notNull(Object value, String field) {
        return require(value != null, field, "is required");
    }

    public Violations length(String value, int min, int max, String field) {
        if (value == null) {
            return notNull(null, field);
        }
        int length = value.codePointCount(0, value.length());
        if (min > 0 && value.isBlank()) {
            return require(false, field, "must not be blank");
        }
        return require(length >= min && length <= max, field,
                min == 0 ? "must be at most " + max + " characters" : "must be " + min + " to " + max + " characters");
    }

    public Violations range(Integer value, int min, int max, String field) {
        if (value == null) {
            return notNull(null, field);
        }
        return require(value >= min && value <= max, field, "must be between " + min + " and " + max);
    }

    public Violations matches(String value, Pattern pattern, String field, String rule) {
        if (value == null) {
            return notNull(null, field);
        }
        return require(pattern.matcher(value).matches(), field, rule);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }
}
