package dev.kippu.deploy.knative;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a manifest into fabric8's typed model, refusing fields the model does not know: fabric8
 * keeps them in {@code additionalProperties} instead of failing, and a misspelt field would
 * otherwise reach the cluster unnoticed (and be dropped or refused there).
 */
public final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    /** A manifest from the class path: the ones in src/main/knative and src/main/cloudrun. */
    public static <T> T fromClasspath(String name, Class<T> type) {
        try (InputStream in = Manifests.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new DeploymentFailed("no manifest " + name + " on the class path");
            }
            return read(in, name, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T fromFile(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), type);
        } catch (IOException e) {
            throw new DeploymentFailed("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static <T> T read(InputStream in, String source, Class<T> type) {
        T resource;
        try {
            resource = SERIALIZATION.unmarshal(in, type);
        } catch (RuntimeException e) {
            throw new DeploymentFailed(source + " is not a " + type.getSimpleName() + ": " + e.getMessage());
        }
        List<String> unknown = unknownFields(resource);
        if (!unknown.isEmpty()) {
            throw new DeploymentFailed(source + " has fields " + type.getSimpleName() + " does not know: " + unknown);
        }
        return resource;
    }

    /** The paths of every field fabric8 kept aside as unknown, anywhere in the object. */
    public static List<String> unknownFields(Object resource) {
        List<String> found = new ArrayList<>();
        collectUnknown(resource, "", found);
        return found;
    }

    private static void collectUnknown(Object value, String path, List<String> found) {
        switch (value) {
            case null -> { }
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    collectUnknown(list.get(i), path + "[" + i + "]", found);
                }
            }
            case Map<?, ?> map -> map.forEach((key, entry) -> collectUnknown(entry, path + "." + key, found));
            default -> {
                if (!value.getClass().getPackageName().startsWith("io.fabric8.")) {
                    return;
                }
                for (Method getter : value.getClass().getMethods()) {
                    if (!isPropertyGetter(getter)) {
                        continue;
                    }
                    Object property = invoke(getter, value);
                    if (getter.getName().equals("getAdditionalProperties")) {
                        ((Map<?, ?>) property).keySet().forEach(key -> found.add(join(path, key.toString())));
                    } else {
                        collectUnknown(property, join(path, propertyName(getter)), found);
                    }
                }
            }
        }
    }

    private static boolean isPropertyGetter(Method method) {
        return method.getName().startsWith("get") && method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
