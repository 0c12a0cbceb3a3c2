package dev.kippu.deploy.knative;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class KnativeDeployerTest {

    KubernetesMockServer server;
    KubernetesClient client;
    KnativeClient knative;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static final String IMAGE = "registry.example/kippu-app@sha256:" + "a".repeat(64);
    static final String SETTINGS = "src/main/knative/kippu-settings.yaml";

    @BeforeEach
    void setUp() {
        FakeController.serveKnativeServices(server);
        knative = client.adapt(KnativeClient.class);
    }

    @Test
    void applyPrintsTheUrlOnceTheServiceIsReady() {
        new FakeController(knative, "shop").readyOnceCreated("kippu", "kippu-00001");

        int status = run("apply", "--image", IMAGE, "--namespace", "shop", "--settings", SETTINGS, "--timeout", "20s");

        assertThat(status).as(text(err)).isZero();
        assertThat(text(out)).startsWith("kippu is Ready at http://kippu.shop.example.com")
                .contains("100 % -> kippu-00001 (tag current: http://current-kippu.shop.example.com)");
    }

    @Test
    void aCommandLineItDoesNotUnderstandChangesNothing() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("deploy")).isEqualTo(2);
        assertThat(run("apply", "--image")).isEqualTo(2);
        assertThat(run("apply", "--image", "a", "--image", "b")).isEqualTo(2);
        assertThat(run("traffic", "--image", "a")).isEqualTo(2);
        assertThat(text(err)).contains("kippu-deploy: traffic takes no '--image'").contains("usage: apply --image REF@sha256:DIGEST");
        assertThat(run("apply", "--namespace", "shop")).isEqualTo(1);
        assertThat(run("apply", "--image", "a", "--namespace", "shop", "--timeout", "soon")).isEqualTo(1);
        assertThat(run("traffic", "--latest", "ten", "--namespace", "shop")).isEqualTo(1);
        assertThat(text(err)).contains("--image is required").contains("--timeout takes a duration").contains("--latest takes a whole percentage");
        assertThat(knative.services().inNamespace("shop").list().getItems()).isEmpty();
    }

    @Test
    void aManifestWithUnknownFieldsIsNotApplied(@TempDir Path manifests) throws IOException {
        for (String file : List.of("kippu-serviceaccount.yaml", "kippu-service.yaml", "kippu-email-worker.yaml", "kippu-reminders.yaml")) {
            Files.copy(Path.of("src/main/knative", file), manifests.resolve(file));
        }
        Path reminders = manifests.resolve("kippu-reminders.yaml");
        Files.writeString(reminders, Files.readString(reminders).replace("restartPolicy: Never", "restartPolicy: Never\n          restartPolcy: Never"));

        assertThat(run("apply", "--image", IMAGE, "--namespace", "shop", "--settings", SETTINGS, "--manifests", manifests.toString())).isEqualTo(1);

        assertThat(text(err)).contains("spec.jobTemplate.spec.template.spec.restartPolcy");
        assertThat(client.serviceAccounts().inNamespace("shop").list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace("shop").list().getItems()).isEmpty();
        assertThat(knative.services().inNamespace("shop").withName("kippu").get()).isNull();
    }

    @Test
    void anImageByTagIsRefusedAndTheDeploymentStaysAsItWas() {
        new FakeController(knative, "shop").readyOnceCreated("kippu", "kippu-00001");
        assertThat(run("apply", "--image", IMAGE, "--namespace", "shop", "--settings", SETTINGS, "--timeout", "20s")).as(text(err)).isZero();
        List<String> before = resourceVersions("shop");

        assertThat(run("apply", "--image", "registry.example/kippu-app:0.1.0", "--namespace", "shop")).isEqualTo(1);
        assertThat(run("apply", "--image", "", "--namespace", "shop")).isEqualTo(1);

        assertThat(text(err)).contains("the image must be referred to by digest").contains("(a tag can move; a digest cannot)");
        assertThat(resourceVersions("shop")).isEqualTo(before);
        assertThat(client.apps().deployments().inNamespace("shop").withName("kippu-email-worker").get()
                .getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo(IMAGE);
    }

    /** The resource version of every object apply writes: any write changes one. */
    private List<String> resourceVersions(String namespace) {
        return Stream.of(client.serviceAccounts().inNamespace(namespace).withName("kippu").get(),
                        client.configMaps().inNamespace(namespace).withName("kippu-settings").get(),
                        client.apps().deployments().inNamespace(namespace).withName("kippu-email-worker").get(),
                        client.batch().v1().cronjobs().inNamespace(namespace).withName("kippu-reminders").get(),
                        knative.services().inNamespace(namespace).withName("kippu").get())
                .map(object -> object.getKind() + " " + object.getMetadata().getResourceVersion())
                .toList();
    }

    private int run(String... args) {
        return KnativeDeployer.run(args, client, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

}
