package dev.kippu.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads rendered manifests into fabric8's typed model and refuses what the API server would refuse
 * or silently drop: a field the model does not know (a misspelling anywhere in the tree), a value of
 * the wrong type, a kind or apiVersion it has no class for, an object without kind or name.
 * <p>
 * fabric8 keeps unknown fields in each object's {@code additionalProperties} (its JSON any-setter) and
 * maps unknown kinds to {@code GenericKubernetesResource}, which takes anything. Removing the
 * any-setters lets Jackson's FAIL_ON_UNKNOWN_PROPERTIES apply, with the path to the field in its message.
 */
final class StrictManifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(strictMapper(), true);

    private StrictManifests() {
    }

    static List<HasMetadata> load(String yaml) {
        Object loaded = SERIALIZATION.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        List<HasMetadata> objects = switch (loaded) {
            case null -> List.of();
            case List<?> list -> list.stream().map(HasMetadata.class::cast).toList();
            case HasMetadata one -> List.of(one);
            default -> throw new IllegalArgumentException("not a Kubernetes object: " + loaded.getClass().getName());
        };
        for (HasMetadata object : objects) {
            if (object.getKind() == null || object.getApiVersion() == null
                    || object.getMetadata() == null || object.getMetadata().getName() == null) {
                throw new IllegalArgumentException("an object without apiVersion, kind or metadata.name: " + object);
            }
        }
        return objects;
    }

    private static ObjectMapper strictMapper() {
        SimpleModule withoutAnySetters = new SimpleModule("kippu-strict-manifests");
        withoutAnySetters.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                return builder;
            }
        });
        return new ObjectMapper().registerModule(withoutAnySetters)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
