package dev.kippu.deploy.knative;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@EnableKubernetesMockClient(crud = true)
class ServiceDeployerTest {

    static final String NS = "kippu-test";
    static final ImageReference IMAGE_1 = new ImageReference("europe-docker.pkg.dev/p/kippu/kippu-app@sha256:" + "1".repeat(64));
    static final ImageReference IMAGE_2 = new ImageReference("europe-docker.pkg.dev/p/kippu/kippu-app@sha256:" + "2".repeat(64));

    KubernetesMockServer server;
    KubernetesClient client;
    KnativeClient knative;
    ServiceDeployer deployer;
    FakeController controller;
    final KippuManifests manifests = KippuManifests.fromClasspath();
    final ConfigMap settings = Manifests.fromClasspath("knative/kippu-settings.yaml", ConfigMap.class);

    @BeforeEach
    void setUp() {
        FakeController.serveKnativeServices(server);
        knative = client.adapt(KnativeClient.class);
        deployer = new ServiceDeployer(client, NS);
        controller = new FakeController(knative, NS);
    }

    @Test
    void applyCreatesTheServiceWithTheImageAndAllTrafficOnTheLatestRevision() {
        apply(IMAGE_1);

        Service stored = knative.services().inNamespace(NS).withName("kippu").get();
        assertThat(stored.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo(IMAGE_1.value());
        assertThat(stored.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("autoscaling.knative.dev/min-scale", "0");
        assertThat(stored.getSpec().getTraffic()).extracting(TrafficTarget::getLatestRevision, TrafficTarget::getPercent, TrafficTarget::getTag)
                .containsExactly(tuple(true, 100L, "current"));
    }

    @Test
    void applyOverAReadyServiceReplacesItsSpecAndKeepsUsersOnTheReadyRevision() {
        apply(IMAGE_1);
        controller.ready("kippu", "kippu-00001");

        Service updated = apply(IMAGE_2);

        Service stored = knative.services().inNamespace(NS).withName("kippu").get();
        assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(stored.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo(IMAGE_2.value());
        assertThat(stored.getSpec().getTraffic())
                .extracting(TrafficTarget::getRevisionName, TrafficTarget::getLatestRevision, TrafficTarget::getPercent, TrafficTarget::getTag)
                .containsExactly(tuple("kippu-00001", false, 100L, "current"), tuple(null, true, 0L, "candidate"));
        assertThat(stored.getStatus().getLatestReadyRevisionName()).isEqualTo("kippu-00001");
    }

    @Test
    void awaitReadyWaitsForTheControllerToReportTheNewGenerationReady() {
        Service applied = apply(IMAGE_1);
        long asked = System.nanoTime();
        CompletableFuture<Service> reported = CompletableFuture.supplyAsync(
                () -> controller.ready("kippu", "kippu-00001"), CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        Service ready = deployer.awaitReady(applied, Duration.ofSeconds(20));

        // the controller reports 300 ms later: waiting less would have been reading an old status
        // (whether the report's future has completed by now is a race of its own, not the deployer's)
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(ready.getStatus().getUrl()).isEqualTo("http://kippu.kippu-test.example.com");
        reported.join();
    }

    @Test
    void awaitReadyFailsAtOnceWithTheRevisionsMessage() {
        Service applied = apply(IMAGE_1);
        controller.report("kippu", "kippu-00001", null, "False", "RevisionFailed",
                "Revision \"kippu-00001\" failed with message: Back-off pulling image.");

        long started = System.nanoTime();
        assertThatThrownBy(() -> deployer.awaitReady(applied, Duration.ofSeconds(20)))
                .isInstanceOf(DeploymentFailed.class)
                .hasMessage("kippu failed: RevisionFailed: Revision \"kippu-00001\" failed with message: Back-off pulling image.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void awaitReadyTimesOutNamingTheLastCondition() {
        Service applied = apply(IMAGE_1);
        controller.report("kippu", "kippu-00001", null, "Unknown", "RevisionMissing", "Configuration \"kippu\" is waiting for a Revision to become ready.");

        assertThatThrownBy(() -> deployer.awaitReady(applied, Duration.ofSeconds(1)))
                .isInstanceOf(DeploymentFailed.class)
                .hasMessage("kippu was not Ready after 1 s (Ready=Unknown RevisionMissing: Configuration \"kippu\" is waiting for a Revision to become ready.)");
    }

    @Test
    void awaitReadyIgnoresAReadyStatusOfTheGenerationBefore() {
        apply(IMAGE_1);
        controller.ready("kippu", "kippu-00001");
        Service second = apply(IMAGE_2);

        assertThatThrownBy(() -> deployer.awaitReady(second, Duration.ofSeconds(1)))
                .isInstanceOf(DeploymentFailed.class).hasMessageContaining("not Ready after 1 s");
    }

    @Test
    void shiftTrafficSendsTheGivenShareToTheLatestAndTheRestToTheCurrentRevision() {
        canaryReady();

        deployer.shiftTraffic("kippu", 10);

        assertThat(traffic()).extracting(TrafficTarget::getRevisionName, TrafficTarget::getLatestRevision, TrafficTarget::getPercent, TrafficTarget::getTag)
                .containsExactly(tuple("kippu-00001", false, 90L, "current"), tuple(null, true, 10L, "candidate"));
    }

    @Test
    void shiftTrafficToOneHundredPromotesTheLatestRevision() {
        canaryReady();

        deployer.shiftTraffic("kippu", 100);

        assertThat(traffic()).extracting(TrafficTarget::getRevisionName, TrafficTarget::getLatestRevision, TrafficTarget::getPercent, TrafficTarget::getTag)
                .containsExactly(tuple(null, true, 100L, "current"));
    }

    @Test
    void shiftTrafficRefusesSharesOutsideZeroToOneHundredAndChangesNothing() {
        canaryReady();
        String before = knative.services().inNamespace(NS).withName("kippu").get().getMetadata().getResourceVersion();

        assertThatThrownBy(() -> deployer.shiftTraffic("kippu", 110)).isInstanceOf(DeploymentFailed.class).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> deployer.shiftTraffic("kippu", -10)).isInstanceOf(DeploymentFailed.class).hasMessageContaining("0 to 100");

        Service after = knative.services().inNamespace(NS).withName("kippu").get();
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before);
        assertThat(after.getSpec().getTraffic()).extracting(TrafficTarget::getPercent).containsExactly(100L, 0L);
    }

    @Test
    void shiftTrafficRefusesARevisionThatIsNotReadyYet() {
        apply(IMAGE_1);
        controller.ready("kippu", "kippu-00001");
        apply(IMAGE_2);
        controller.report("kippu", "kippu-00002", "kippu-00001", "Unknown", null, null);
        String before = knative.services().inNamespace(NS).withName("kippu").get().getMetadata().getResourceVersion();

        assertThatThrownBy(() -> deployer.shiftTraffic("kippu", 10))
                .isInstanceOf(DeploymentFailed.class).hasMessageContaining("kippu-00002 is not ready");
        assertThat(knative.services().inNamespace(NS).withName("kippu").get().getMetadata().getResourceVersion()).isEqualTo(before);
    }

    @Test
    void shiftTrafficRefusesASplitWithoutAPreviousRevision() {
        apply(IMAGE_1);
        controller.ready("kippu", "kippu-00001");

        assertThatThrownBy(() -> deployer.shiftTraffic("kippu", 10))
                .isInstanceOf(DeploymentFailed.class).hasMessageContaining("no previous revision");
        assertThatThrownBy(() -> deployer.shiftTraffic("nothing", 10))
                .isInstanceOf(DeploymentFailed.class).hasMessageContaining("no Service nothing");
    }

    private Service apply(ImageReference image) {
        return deployer.apply(manifests, image, Optional.of(settings));
    }

    private void canaryReady() {
        apply(IMAGE_1);
        controller.ready("kippu", "kippu-00001");
        apply(IMAGE_2);
        controller.ready("kippu", "kippu-00002");
    }

    private List<TrafficTarget> traffic() {
        return knative.services().inNamespace(NS).withName("kippu").get().getSpec().getTraffic();
    }
}
