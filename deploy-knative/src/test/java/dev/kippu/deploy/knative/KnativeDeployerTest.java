package dev.kippu.deploy.knative;

import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class KnativeDeployerTest {

  KubernetesMockServer server;
  KubernetesClient client;
  KnativeClient knative;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() {
    server.expectCustomResource(new CustomResourceDefinitionContext.Builder()
        .withGroup("serving.knative.dev").withVersion("v1").withKind("Service").withPlural("services")
        .withScope("Namespaced").withStatusSubresource(true).build());
    knative = client.adapt(KnativeClient.class);
  }

  @Test
  void applyPrintsTheUrlOnceTheServiceIsReady() {
    CompletableFuture.runAsync(() -> new FakeController(knative, "shop").ready("kippu", "kippu-00001"),
        CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));

    int status = run("apply", "--image", "registry.example/kippu-app@sha256:1", "--namespace", "shop", "--timeout", "20s");

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
    assertThat(text(err)).contains("kippu-deploy: traffic takes no '--image'").contains("usage: apply --image REF");
    assertThat(run("apply", "--namespace", "shop")).isEqualTo(1);
    assertThat(run("apply", "--image", "a", "--namespace", "shop", "--timeout", "soon")).isEqualTo(1);
    assertThat(run("traffic", "--latest", "ten", "--namespace", "shop")).isEqualTo(1);
    assertThat(text(err)).contains("--image is required").contains("--timeout takes a duration").contains("--latest takes a whole percentage");
    assertThat(knative.services().inNamespace("shop").list().getItems()).isEmpty();
  }

  @Test
  void aManifestWithUnknownFieldsIsNotApplied() throws Exception {
    java.nio.file.Path manifest = java.nio.file.Files.createTempFile("kippu", ".yaml");
    java.nio.file.Files.writeString(manifest, "apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: kippu}\n"
        + "spec: {template: {spec: {containers: [{image: x, imagePullPolcy: Always}]}}, traffic: [{latestRevision: true, percent: 100}]}\n");

    assertThat(run("apply", "--image", "a", "--namespace", "shop", "--manifest", manifest.toString())).isEqualTo(1);

    assertThat(text(err)).contains("spec.template.spec.containers[0].imagePullPolcy");
    assertThat(knative.services().inNamespace("shop").withName("kippu").get()).isNull();
  }

  private int run(String... args) {
    return KnativeDeployer.run(args, client, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }

}
