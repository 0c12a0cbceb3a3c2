package dev.kippu.deploy.knative;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.pkg.apis.ConditionBuilder;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceStatusBuilder;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.knative.serving.v1.TrafficTargetBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Plays Knative's controller in the mock API server: writes the status it would report. */
final class FakeController {

    private final KnativeClient knative;
    private final String namespace;

    FakeController(KnativeClient knative, String namespace) {
        this.knative = knative;
        this.namespace = namespace;
    }

    /** Knative's CRDs have a status subresource: a spec update keeps the controller's status. */
    static void serveKnativeServices(KubernetesMockServer server) {
        server.expectCustomResource(new CustomResourceDefinitionContext.Builder()
                .withGroup("serving.knative.dev").withVersion("v1").withKind("Service").withPlural("services")
                .withScope("Namespaced").withStatusSubresource(true).build());
    }

    /** The Service's current generation is served by {@code latestReady}, created as {@code latestCreated}. */
    Service report(String name, String latestCreated, String latestReady, String readyStatus, String reason, String message) {
        Service current = knative.services().inNamespace(namespace).withName(name).get();
        List<TrafficTarget> traffic = current.getSpec().getTraffic().stream()
                .map(target -> new TrafficTargetBuilder(target)
                        .withRevisionName(Boolean.TRUE.equals(target.getLatestRevision()) ? latestReady : target.getRevisionName())
                        .withUrl(target.getTag() == null ? null : "http://" + target.getTag() + "-" + name + "." + namespace + ".example.com")
                        .build())
                .toList();
        return knative.services().inNamespace(namespace).withName(name).editStatus(service -> {
            service.setStatus(new ServiceStatusBuilder()
                    .withObservedGeneration(current.getMetadata().getGeneration())
                    .withLatestCreatedRevisionName(latestCreated)
                    .withLatestReadyRevisionName(latestReady)
                    .withUrl("http://" + name + "." + namespace + ".example.com")
                    .withTraffic(traffic)
                    .withConditions(new ConditionBuilder().withType("Ready").withStatus(readyStatus).withReason(reason).withMessage(message).build())
                    .build());
            return service;
        });
    }

    Service ready(String name, String revision) {
        return report(name, revision, revision, "True", null, null);
    }

    /** Reports {@code revision} ready as soon as the deployer has created the Service. */
    CompletableFuture<Service> readyOnceCreated(String name, String revision) {
        return CompletableFuture.supplyAsync(() -> {
            knative.services().inNamespace(namespace).withName(name).waitUntilCondition(Objects::nonNull, 20, TimeUnit.SECONDS);
            return ready(name, revision);
        });
    }
}
