package dev.kippu.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Configuration properties as the shipped application binds them (its application.yaml without a
 * profile, then each record's defaults), with a test's overrides on top: for tests that build a
 * component by hand but must run what production runs.
 */
public final class ShippedSettings {

    private ShippedSettings() {
    }

    public static <T> T bind(String prefix, Class<T> type, Map<String, Object> overrides) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test-overrides", overrides));
        try {
            // the first document is the one without a profile
            environment.getPropertySources().addLast(new YamlPropertySourceLoader()
                    .load("application.yaml", new ClassPathResource("application.yaml")).getFirst());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Binder.get(environment).bindOrCreate(prefix, type);
    }

    public static <T> T bind(String prefix, Class<T> type) {
        return bind(prefix, type, Map.of());
    }
}
