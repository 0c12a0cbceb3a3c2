package dev.kippu.load.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The targets of {@code targets.properties}, by name; its {@code ${VAR}} placeholders come from -D or the environment. */
public final class Targets {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

    private final Properties file;
    private final UnaryOperator<String> variables;

    Targets(Properties file, UnaryOperator<String> variables) {
        this.file = file;
        this.variables = variables;
    }

    /** The shipped {@code targets.properties}, with system properties before environment variables. */
    public static Targets shipped() {
        return shipped(name -> System.getProperty(name, System.getenv(name)));
    }

    static Targets shipped(UnaryOperator<String> variables) {
        Properties file = new Properties();
        try (InputStream in = Targets.class.getResourceAsStream("/targets.properties")) {
            if (in == null) {
                throw new IllegalStateException("targets.properties is not on the class path");
            }
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Targets(file, variables);
    }

    public List<String> names() {
        return file.stringPropertyNames().stream().filter(key -> key.endsWith(".packaging"))
                .map(key -> key.substring(0, key.length() - ".packaging".length())).sorted().toList();
    }

    public Target named(String name) {
        String packaging = file.getProperty(name + ".packaging");
        if (packaging == null) {
            throw new IllegalArgumentException("no load-test target named '" + name + "'; there are " + names() + " (targets.properties)");
        }
        Optional<String> launcher = Optional.ofNullable(file.getProperty(name + ".launcher")).map(String::strip);
        Optional<URI> url = Optional.ofNullable(file.getProperty(name + ".url")).map(value -> URI.create(resolved(name, value)));
        if (launcher.isPresent() == url.isPresent()) {
            throw new IllegalArgumentException("target '" + name + "' needs either a launcher or a url in targets.properties, not " + (launcher.isPresent() ? "both" : "neither"));
        }
        Target.Users users = enumValue(Target.Users.class, name, "users", file.getProperty(name + ".users", ""));
        return new Target(name, packaging, launcher, url, users);
    }

    private String resolved(String target, String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String variable = placeholder.group(1);
            String replacement = variables.apply(variable);
            if (replacement == null || replacement.isBlank()) {
                throw new IllegalArgumentException("target '" + target + "' needs its base URL: -D" + variable + "=https://… or the environment variable " + variable);
            }
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return placeholder.appendTail(resolved).toString();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String target, String key, String value) {
        try {
            return Enum.valueOf(type, value.strip().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("target '" + target + "' has " + key + "=" + value + " in targets.properties; one of "
                    + List.of(type.getEnumConstants()).stream().map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        }
    }
}
