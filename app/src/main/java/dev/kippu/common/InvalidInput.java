package dev.kippu.common;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks the contract's rules; carries one violation per offending field. */
public final class InvalidInput extends Problem {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    public record Violation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
