package dev.kippu.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One way of starting an application: the launch command ({@code java}, its flags, {@code -jar}, the
 * jar) and the application's settings, passed as {@code --key=value} arguments.
 */
record Variant(String name, List<String> launch, Map<String, String> settings) {

    Variant {
        launch = List.copyOf(launch);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    static Variant of(String name, String... launch) {
        return new Variant(name, List.of(launch), Map.of());
    }

    /** The same launch with these settings added or changed (each property is passed once: Spring Boot joins repeated ones). */
    Variant with(Map<String, String> changed) {
        Map<String, String> merged = new LinkedHashMap<>(settings);
        merged.putAll(changed);
        return new Variant(name, launch, merged);
    }

    List<String> command(int port) {
        List<String> command = new ArrayList<>(launch);
        settings.forEach((property, value) -> command.add("--" + property + "=" + value));
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        return command;
    }
}
