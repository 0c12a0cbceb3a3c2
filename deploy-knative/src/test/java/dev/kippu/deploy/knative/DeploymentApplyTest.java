package dev.kippu.deploy.knative;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static dev.kippu.deploy.knative.ServiceDeployerTest.IMAGE_1;
import static dev.kippu.deploy.knative.ServiceDeployerTest.IMAGE_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code apply} writes the whole deployment, or nothing when anything it was given is wrong. */
@EnableKubernetesMockClient(crud = true)
class DeploymentApplyTest {

    static final String NS = "kippu-test";

    KubernetesMockServer server;
    KubernetesClient client;
    KnativeClient knative;
    ServiceDeployer deployer;
    final KippuManifests manifests = KippuManifests.fromClasspath();
    final ConfigMap settings = Manifests.fromClasspath("knative/kippu-settings.yaml", ConfigMap.class);

    @BeforeEach
    void setUp() {
        FakeController.serveKnativeServices(server);
        knative = client.adapt(KnativeClient.class);
        deployer = new ServiceDeployer(client, NS);
    }

    @Test
    void applyWritesTheServiceTheWorkerAndTheJobWithTheImageAndTheirAccountAndSettings() {
        deployer.apply(manifests, IMAGE_1, Optional.of(settings));

        assertThat(images()).containsExactly(IMAGE_1.value(), IMAGE_1.value(), IMAGE_1.value());
        assertThat(storedAccount().getAutomountServiceAccountToken()).isFalse();
        assertThat(storedSettings().getData()).isEqualTo(settings.getData());
    }

    @Test
    void theWorkerAndTheJobAreStoredAsTheirManifestsSayBesidesTheImage() {
        deployer.apply(manifests, IMAGE_1, Optional.of(settings));

        Deployment worker = storedWorker();
        CronJob reminders = storedReminders();
        assertThat(worker.getSpec()).isEqualTo(new DeploymentBuilder(manifests.worker()).editSpec().editTemplate().editSpec()
                .editFirstContainer().withImage(IMAGE_1.value()).endContainer().endSpec().endTemplate().endSpec().build().getSpec());
        assertThat(reminders.getSpec()).isEqualTo(new CronJobBuilder(manifests.reminders()).editSpec().editJobTemplate().editSpec()
                .editTemplate().editSpec().editFirstContainer().withImage(IMAGE_1.value()).endContainer().endSpec().endTemplate()
                .endSpec().endJobTemplate().endSpec().build().getSpec());
        for (PodSpec pod : List.of(worker.getSpec().getTemplate().getSpec(),
                reminders.getSpec().getJobTemplate().getSpec().getTemplate().getSpec())) {
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            Container kippu = pod.getContainers().getFirst();
            assertThat(kippu.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(kippu.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(kippu.getEnvFrom().getFirst().getConfigMapRef().getName()).isEqualTo("kippu-settings");
        }
        assertThat(reminders.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs())
                .containsExactly("dev.kippu.ReminderJobApplication");
    }

    @Test
    void aSecondApplyReplacesEveryObjectWithTheManifestAndTheNewImage() {
        deployer.apply(manifests, IMAGE_1, Optional.of(settings));
        client.apps().deployments().inNamespace(NS).withName("kippu-email-worker").scale(3);
        ConfigMap changed = new ConfigMapBuilder(settings).addToData("KIPPU_TABLE", "kippu-2").build();

        deployer.apply(manifests, IMAGE_2, Optional.of(changed));

        assertThat(images()).containsExactly(IMAGE_2.value(), IMAGE_2.value(), IMAGE_2.value());
        assertThat(storedWorker().getSpec().getReplicas()).isEqualTo(1);
        assertThat(storedSettings().getData()).containsEntry("KIPPU_TABLE", "kippu-2");
    }

    @Test
    void withoutSettingsTheOnesInTheNamespaceAreKept() {
        deployer.apply(manifests, IMAGE_1, Optional.of(settings));
        String before = storedSettings().getMetadata().getResourceVersion();

        deployer.apply(manifests, IMAGE_2, Optional.empty());

        assertThat(storedSettings().getMetadata().getResourceVersion()).isEqualTo(before);
        assertThat(images()).containsOnly(IMAGE_2.value());
    }

    @Test
    void missingSettingsAreRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> deployer.apply(manifests, IMAGE_1, Optional.empty()))
                .isInstanceOf(DeploymentFailed.class).hasMessage("there is no ConfigMap kippu-settings in namespace kippu-test and none was given");
        assertNothingWritten();
    }

    @Test
    void settingsWithoutAKeyTheServiceReadsAreRefusedBeforeAnythingIsWritten() {
        ConfigMap incomplete = new ConfigMapBuilder(settings).removeFromData("KIPPU_TABLE").build();

        assertThatThrownBy(() -> deployer.apply(manifests, IMAGE_1, Optional.of(incomplete)))
                .isInstanceOf(DeploymentFailed.class).hasMessage("ConfigMap kippu-settings lacks [KIPPU_TABLE], which the workloads read");
        assertNothingWritten();
    }

    @Test
    void settingsUnderANameNoWorkloadReadsAreRefused() {
        ConfigMap misnamed = new ConfigMapBuilder(settings).editMetadata().withName("kippu-config").endMetadata().build();

        assertThatThrownBy(() -> deployer.apply(manifests, IMAGE_1, Optional.of(misnamed)))
                .isInstanceOf(DeploymentFailed.class).hasMessage("the workloads read the settings from [kippu-settings], not from kippu-config");
        assertNothingWritten();
    }

    @Test
    void aWorkloadWithNoKippuContainerIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        KippuManifests edited = copy(dir, "kippu-reminders.yaml", text -> text.replace("image: kippu-app", "image: busybox"));

        assertThatThrownBy(() -> deployer.apply(edited, IMAGE_1, Optional.of(settings)))
                .isInstanceOf(DeploymentFailed.class).hasMessageContaining("the reminder CronJob has no container with image: kippu-app");
        assertNothingWritten();
    }

    @Test
    void aContainerOfAnotherImageKeepsIt(@TempDir Path dir) throws IOException {
        KippuManifests withSidecar = copy(dir, "kippu-email-worker.yaml", text -> text.replace("      volumes:",
                "        - name: log-shipper\n          image: fluent/fluent-bit@sha256:" + "f".repeat(64) + "\n      volumes:"));

        deployer.apply(withSidecar, IMAGE_1, Optional.of(settings));

        assertThat(storedWorker().getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getImage)
                .containsExactly(IMAGE_1.value(), "fluent/fluent-bit@sha256:" + "f".repeat(64));
    }

    private KippuManifests copy(Path dir, String edited, UnaryOperator<String> edit) throws IOException {
        for (String file : List.of("kippu-serviceaccount.yaml", "kippu-service.yaml", "kippu-email-worker.yaml", "kippu-reminders.yaml")) {
            String text = Files.readString(Path.of("src/main/knative", file));
            Files.writeString(dir.resolve(file), file.equals(edited) ? edit.apply(text) : text);
        }
        KippuManifests copied = KippuManifests.fromDirectory(dir);
        assertThat(copied).isNotEqualTo(manifests);
        return copied;
    }

    private void assertNothingWritten() {
        assertThat(client.serviceAccounts().inNamespace(NS).list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace(NS).list().getItems()).isEmpty();
        assertThat(client.apps().deployments().inNamespace(NS).list().getItems()).isEmpty();
        assertThat(client.batch().v1().cronjobs().inNamespace(NS).list().getItems()).isEmpty();
        assertThat(knative.services().inNamespace(NS).list().getItems()).isEmpty();
    }

    /** The image of the Kippu container in the Service, the worker and the job, as stored. */
    private List<String> images() {
        Service service = knative.services().inNamespace(NS).withName("kippu").get();
        return List.of(service.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage(),
                storedWorker().getSpec().getTemplate().getSpec().getContainers().getFirst().getImage(),
                storedReminders().getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().getFirst().getImage());
    }

    private ServiceAccount storedAccount() {
        return client.serviceAccounts().inNamespace(NS).withName("kippu").get();
    }

    private ConfigMap storedSettings() {
        return client.configMaps().inNamespace(NS).withName("kippu-settings").get();
    }

    private Deployment storedWorker() {
        return client.apps().deployments().inNamespace(NS).withName("kippu-email-worker").get();
    }

    private CronJob storedReminders() {
        return client.batch().v1().cronjobs().inNamespace(NS).withName("kippu-reminders").get();
    }
}
