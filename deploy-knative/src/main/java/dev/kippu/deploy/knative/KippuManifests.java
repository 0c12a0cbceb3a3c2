package dev.kippu.deploy.knative;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.api.builder.Visitable;
import io.fabric8.kubernetes.api.builder.Visitor;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What {@code apply} writes besides the settings: the service account, the Knative Service, the
 * e-mail worker and the reminder CronJob (src/main/knative). Their Kippu containers say
 * {@code image: kippu-app}, the image's name before it is pushed; {@link #toApply} puts the
 * reference there and leaves any other container alone.
 */
public record KippuManifests(ServiceAccount account, Service service, Deployment worker, CronJob reminders) {

    private static final String IMAGE_PLACEHOLDER = "kippu-app";
    private static final String ACCOUNT = "kippu-serviceaccount.yaml";
    private static final String SERVICE = "kippu-service.yaml";
    private static final String WORKER = "kippu-email-worker.yaml";
    private static final String REMINDERS = "kippu-reminders.yaml";

    public KippuManifests {
        TrafficSplit.validate(service.getSpec().getTraffic());
    }

    /** The manifests in src/main/knative, from the class path. */
    public static KippuManifests fromClasspath() {
        return new KippuManifests(Manifests.fromClasspath("knative/" + ACCOUNT, ServiceAccount.class),
                Manifests.fromClasspath("knative/" + SERVICE, Service.class), Manifests.fromClasspath("knative/" + WORKER, Deployment.class),
                Manifests.fromClasspath("knative/" + REMINDERS, CronJob.class));
    }

    /** Edited copies: a directory holding the four files under the same names. */
    public static KippuManifests fromDirectory(Path directory) {
        return new KippuManifests(Manifests.fromFile(directory.resolve(ACCOUNT), ServiceAccount.class),
                Manifests.fromFile(directory.resolve(SERVICE), Service.class), Manifests.fromFile(directory.resolve(WORKER), Deployment.class),
                Manifests.fromFile(directory.resolve(REMINDERS), CronJob.class));
    }

    /** What to write: copies with {@code image} in every container that says {@code kippu-app}, all in {@code namespace}. */
    public KippuManifests toApply(ImageReference image, String namespace) {
        return new KippuManifests(
                new ServiceAccountBuilder(account).editMetadata().withNamespace(namespace).endMetadata().build(),
                placed(new ServiceBuilder(service).editMetadata().withNamespace(namespace).endMetadata(), image, "the Service").build(),
                placed(new DeploymentBuilder(worker).editMetadata().withNamespace(namespace).endMetadata(), image, "the e-mail worker").build(),
                placed(new CronJobBuilder(reminders).editMetadata().withNamespace(namespace).endMetadata(), image, "the reminder CronJob").build());
    }

    /**
     * The ConfigMaps the workloads read, each with the keys they must find in it: a reference not
     * marked optional keeps a pod from starting when its ConfigMap or key is missing.
     */
    public Map<String, Set<String>> requiredSettings() {
        Map<String, Set<String>> required = new TreeMap<>();
        for (Container container : containers().toList()) {
            for (EnvFromSource from : container.getEnvFrom()) {
                if (from.getConfigMapRef() != null && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                    required.computeIfAbsent(from.getConfigMapRef().getName(), name -> new TreeSet<>());
                }
            }
            for (EnvVar env : container.getEnv()) {
                ConfigMapKeySelector key = env.getValueFrom() == null ? null : env.getValueFrom().getConfigMapKeyRef();
                if (key != null && !Boolean.TRUE.equals(key.getOptional())) {
                    required.computeIfAbsent(key.getName(), name -> new TreeSet<>()).add(key.getKey());
                }
            }
        }
        return required;
    }

    private Stream<Container> containers() {
        return Stream.of(service.getSpec().getTemplate().getSpec().getContainers(),
                worker.getSpec().getTemplate().getSpec().getContainers(),
                reminders.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers()).flatMap(List::stream);
    }

    private static <B extends Visitable<B>> B placed(B builder, ImageReference image, String workload) {
        ImagePlacer placer = new ImagePlacer(image);
        builder.accept(ContainerBuilder.class, placer);
        if (placer.count == 0) {
            throw new DeploymentFailed(workload + " has no container with image: " + IMAGE_PLACEHOLDER + " to put " + image + " in");
        }
        return builder;
    }

    private static final class ImagePlacer implements Visitor<ContainerBuilder> {

        private final ImageReference image;
        private int count;

        ImagePlacer(ImageReference image) {
            this.image = image;
        }

        @Override
        public void visit(ContainerBuilder container) {
            if (IMAGE_PLACEHOLDER.equals(container.getImage())) {
                container.withImage(image.value());
                count++;
            }
        }
    }
}
