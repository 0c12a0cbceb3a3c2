package dev.kippu.deploy.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import software.constructs.Node;

/**
 * Reads the app's context ({@code -c key=value} on the CDK CLI, {@code context} in cdk.json): text,
 * flags and numbers with their defaults, and a clear error for a value of the wrong kind. Runtime
 * apps read their own keys through it too.
 */
public final class Context {

    private final Node node;

    public Context(Node node) {
        this.node = node;
    }

    public Optional<String> text(String key) {
        Object value = node.tryGetContext(key);
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.toString().trim());
    }

    public String text(String key, String defaultValue) {
        return text(key).orElse(defaultValue);
    }

    public boolean flag(String key, boolean defaultValue) {
        return text(key).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("context " + key + " is true or false, not " + value);
        }).orElse(defaultValue);
    }

    public int number(String key, int defaultValue) {
        return text(key).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("context " + key + " is a whole number, not " + value, e);
            }
        }).orElse(defaultValue);
    }

    /** A comma-separated list; empty when the key is not set. */
    public List<String> list(String key) {
        return text(key).map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList())
                .orElse(List.of());
    }

    /** One of {@code choices}, named in the error when the value is none of them. */
    public String choice(String key, String defaultValue, List<String> choices) {
        String value = text(key, defaultValue);
        if (!choices.contains(value)) {
            throw new IllegalArgumentException("context " + key + " is one of " + String.join(", ", choices) + ", not " + value);
        }
        return value;
    }
}
