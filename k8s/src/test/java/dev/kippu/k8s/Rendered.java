package dev.kippu.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The objects one kustomization renders to, typed; each kustomization is rendered once per test run. */
record Rendered(String kustomization, List<HasMetadata> objects) {

    static final String NAMESPACE = "kippu";
    static final String SERVER = "kippu";
    static final String REMINDERS = "kippu-reminders";

    private static final Map<String, Rendered> RENDERINGS = new ConcurrentHashMap<>();

    /** @param kustomization a folder under k8s/, such as {@code overlays/eks} */
    static Rendered of(String kustomization) {
        return RENDERINGS.computeIfAbsent(kustomization,
                dir -> new Rendered(dir, StrictManifests.load(Kubectl.kustomize(Path.of(dir)))));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        List<T> found = all(type).stream().filter(object -> object.getMetadata().getName().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError(kustomization + " renders " + found.size() + " " + type.getSimpleName() + " named " + name);
        }
        return found.getFirst();
    }

    Deployment server() {
        return named(Deployment.class, SERVER);
    }

    CronJob reminders() {
        return named(CronJob.class, REMINDERS);
    }

    PodTemplateSpec serverPod() {
        return server().getSpec().getTemplate();
    }

    PodTemplateSpec remindersPod() {
        return reminders().getSpec().getJobTemplate().getSpec().getTemplate();
    }

    /** Every pod template of the rendering, by its owner's name. */
    Map<String, PodTemplateSpec> pods() {
        return Map.of(SERVER, serverPod(), REMINDERS, remindersPod());
    }

    ServiceAccount serviceAccountOf(PodTemplateSpec pod) {
        return named(ServiceAccount.class, pod.getSpec().getServiceAccountName());
    }

    /** The ConfigMap the container takes its environment from (its name carries kustomize's hash). */
    ConfigMap settingsOf(Container container) {
        List<String> names = container.getEnvFrom().stream().map(source -> source.getConfigMapRef().getName()).toList();
        if (names.size() != 1) {
            throw new AssertionError(container.getName() + " takes its environment from " + names + ", not from one ConfigMap");
        }
        return named(ConfigMap.class, names.getFirst());
    }

    static Container onlyContainer(PodTemplateSpec pod) {
        List<Container> containers = pod.getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError("expected one container, found " + containers.size());
        }
        return containers.getFirst();
    }

    static Optional<String> env(Container container, String name) {
        return Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                .filter(variable -> variable.getName().equals(name)).map(variable -> variable.getValue()).findFirst();
    }

    /** Whether the selector selects an object with these labels (Kippu's selectors use matchLabels only). */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not expected in Kippu's selectors: " + selector);
        }
        Map<String, String> required = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
        return labels.entrySet().containsAll(required.entrySet());
    }
}
