package dev.kippu.deploy.knative;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.pkg.apis.Condition;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceStatus;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Applies Kippu's Knative deployment (the Service and the objects that go with it) and moves
 * traffic between the Service's revisions. Everything is checked before the first write: a
 * refused request leaves the cluster as it was.
 */
public final class ServiceDeployer {

    private final KubernetesClient kubernetes;
    private final KnativeClient knative;
    private final String namespace;

    public ServiceDeployer(KubernetesClient kubernetes, String namespace) {
        this.kubernetes = kubernetes;
        this.knative = kubernetes.adapt(KnativeClient.class);
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /**
     * Applies Kippu's Knative deployment: creates the service account, the settings (when given),
     * the e-mail worker, the reminder CronJob and the Service, or replaces each one there, all with
     * {@code image}. Everything is read and checked first: the settings the workloads need must be
     * given or already in the namespace. A replaced Service keeps users on the revision that was
     * ready ({@code current}) and gives the new one no traffic ({@code candidate}) until
     * {@link #shiftTraffic} does; the worker and the job take the new image at once.
     */
    public Service apply(KippuManifests manifests, ImageReference image, Optional<ConfigMap> settings) {
        KippuManifests desired = manifests.toApply(image, namespace);
        Optional<ConfigMap> givenSettings = settings.map(
                map -> new ConfigMapBuilder(map).editMetadata().withNamespace(namespace).endMetadata().build());
        requireSettings(desired.requiredSettings(), givenSettings);
        Service existing = service(desired.service().getMetadata().getName()).get();

        createOrReplace(desired.account());
        givenSettings.ifPresent(this::createOrReplace);
        createOrReplace(desired.worker());
        createOrReplace(desired.reminders());
        if (existing == null) {
            return knative.services().inNamespace(namespace).resource(desired.service()).create();
        }
        String serving = existing.getStatus() == null ? null : existing.getStatus().getLatestReadyRevisionName();
        Service replacement = desired.service().edit()
                .editMetadata().withResourceVersion(existing.getMetadata().getResourceVersion()).endMetadata()
                .editSpec().withTraffic(serving == null ? TrafficSplit.allOnLatest() : TrafficSplit.canary(serving, 0)).endSpec()
                .build();
        return knative.services().inNamespace(namespace).resource(replacement).update();
    }

    /**
     * Gives the latest ready revision {@code latestPercent} of the requests and the revision pinned
     * as {@code current} the rest; 100 promotes the latest, 0 rolls back to the current one.
     */
    public Service shiftTraffic(String name, int latestPercent) {
        TrafficSplit.requireShare(latestPercent);
        Resource<Service> resource = service(name);
        Service existing = resource.get();
        if (existing == null) {
            throw new DeploymentFailed("there is no Service " + name + " in namespace " + namespace);
        }
        ServiceStatus status = existing.getStatus();
        String latest = status == null ? null : status.getLatestReadyRevisionName();
        if (latest == null) {
            throw new DeploymentFailed(name + " has no ready revision yet");
        }
        if (!latest.equals(status.getLatestCreatedRevisionName())) {
            throw new DeploymentFailed("the latest revision " + status.getLatestCreatedRevisionName()
                    + " is not ready; traffic can only move to a ready one (" + latest + " is)");
        }
        List<TrafficTarget> traffic;
        if (latestPercent == 100) {
            traffic = TrafficSplit.allOnLatest();
        } else {
            String previous = pinnedRevision(existing)
                    .orElseThrow(() -> new DeploymentFailed("no previous revision is pinned as '" + TrafficSplit.CURRENT
                            + "': apply a new image first, then shift traffic to it"));
            if (previous.equals(latest)) {
                throw new DeploymentFailed("the latest ready revision " + latest + " is the current one: there is no canary to shift to");
            }
            traffic = TrafficSplit.canary(previous, latestPercent);
        }
        TrafficSplit.validate(traffic);
        return resource.edit(service -> service.edit().editSpec().withTraffic(traffic).endSpec().build());
    }

    /**
     * Waits until the Service has taken its latest spec and is Ready, and returns it. A Ready=False
     * condition (a revision that cannot start, an image that cannot be pulled) ends the wait at once.
     */
    public Service awaitReady(Service applied, Duration timeout) {
        String name = applied.getMetadata().getName();
        long generation = applied.getMetadata().getGeneration() == null ? 0 : applied.getMetadata().getGeneration();
        Service settled;
        try {
            settled = service(name).waitUntilCondition(
                    service -> service != null && observed(service, generation) && readyCondition(service)
                            .filter(ready -> !"Unknown".equals(ready.getStatus()))
                            .filter(ready -> !"True".equals(ready.getStatus()) || latestIsReady(service))
                            .isPresent(),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            Service last = service(name).get();
            throw new DeploymentFailed(name + " was not Ready after " + timeout.toSeconds() + " s (" + describe(last) + ")");
        }
        Condition ready = readyCondition(settled).orElseThrow();
        if (!"True".equals(ready.getStatus())) {
            throw new DeploymentFailed(name + " failed: " + ready.getReason() + ": " + ready.getMessage());
        }
        return settled;
    }

    private void requireSettings(Map<String, Set<String>> required, Optional<ConfigMap> given) {
        given.map(map -> map.getMetadata().getName()).filter(name -> !required.containsKey(name)).ifPresent(name -> {
            throw new DeploymentFailed("the workloads read the settings from " + required.keySet() + ", not from " + name);
        });
        required.forEach((name, keys) -> {
            ConfigMap settings = given.filter(map -> map.getMetadata().getName().equals(name))
                    .orElseGet(() -> kubernetes.configMaps().inNamespace(namespace).withName(name).get());
            if (settings == null) {
                throw new DeploymentFailed("there is no ConfigMap " + name + " in namespace " + namespace + " and none was given");
            }
            Set<String> missing = new TreeSet<>(keys);
            Stream.of(settings.getData(), settings.getBinaryData()).filter(Objects::nonNull).forEach(data -> missing.removeAll(data.keySet()));
            if (!missing.isEmpty()) {
                throw new DeploymentFailed("ConfigMap " + name + " lacks " + missing + ", which the workloads read");
            }
        });
    }

    private void createOrReplace(HasMetadata object) {
        kubernetes.resource(object).inNamespace(namespace).createOr(NonDeletingOperation::update);
    }

    private Resource<Service> service(String name) {
        return knative.services().inNamespace(namespace).withName(name);
    }

    private static Optional<String> pinnedRevision(Service service) {
        List<TrafficTarget> traffic = service.getSpec().getTraffic();
        return traffic == null ? Optional.empty() : traffic.stream()
                .filter(target -> TrafficSplit.CURRENT.equals(target.getTag()) && target.getRevisionName() != null)
                .map(TrafficTarget::getRevisionName)
                .findFirst();
    }

    private static boolean observed(Service service, long generation) {
        ServiceStatus status = service.getStatus();
        return status != null && status.getObservedGeneration() != null && status.getObservedGeneration() >= generation;
    }

    private static boolean latestIsReady(Service service) {
        ServiceStatus status = service.getStatus();
        return status.getLatestReadyRevisionName() != null
                && status.getLatestReadyRevisionName().equals(status.getLatestCreatedRevisionName());
    }

    private static Optional<Condition> readyCondition(Service service) {
        ServiceStatus status = service.getStatus();
        return status == null || status.getConditions() == null ? Optional.empty()
                : status.getConditions().stream().filter(condition -> "Ready".equals(condition.getType())).findFirst();
    }

    private static String describe(Service service) {
        if (service == null) {
            return "the Service is gone";
        }
        return readyCondition(service)
                .map(ready -> "Ready=" + ready.getStatus() + (ready.getReason() == null ? "" : " " + ready.getReason())
                        + (ready.getMessage() == null ? "" : ": " + ready.getMessage()))
                .orElse("no Ready condition yet");
    }
}
