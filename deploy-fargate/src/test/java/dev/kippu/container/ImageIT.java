package dev.kippu.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.command.InspectImageResponse;

import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.RawHttp;

/** What a platform expects of the image before it runs it, and of its probes once it does. */
class ImageIT {

    private static final InspectImageResponse IMAGE = DockerClientFactory.instance().client().inspectImageCmd(KippuImage.built().name()).exec();

    @Test
    void itRunsAsAUserOfItsOwnNotRoot() {
        assertThat(IMAGE.getConfig().getUser()).isEqualTo("65532:65532");
    }

    @Test
    void itServesWithTheTmpVolumeItDeclaresAsEcsMountsIt() {
        assertThat(IMAGE.getConfig().getVolumes()).containsOnlyKeys("/tmp");
        // its own user writes there (Tomcat's work directory): no tmpfs, the engine's volume with the image's mode
        try (KippuContainer kippu = KippuImage.built().withSettings(KippuStandIns.shared().properties()).withTmpAsTheImageDeclaresIt().startService()) {
            assertThat(KippuApi.at(kippu.baseUrl()).http().query("{ events(first: 1) { edges { node { id } } } }").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void itSaysWhereItComesFromWithTheOpenContainersLabels() {
        Map<String, String> labels = IMAGE.getConfig().getLabels();
        assertThat(labels).containsEntry("org.opencontainers.image.version", System.getProperty("kippu.test.version"))
                .containsKeys("org.opencontainers.image.source", "org.opencontainers.image.title");
        assertThat(labels.get("org.opencontainers.image.revision")).as("the commit it was built from").matches("[0-9a-f]{40}");
    }

    @Test
    void itServesOnTheAotCacheItWasBuiltWith() {
        // AOTMode=on: the JVM refuses to start rather than start without the cache (as it would
        // with one recorded by another JVM, or for jars at other paths)
        try (KippuContainer kippu = KippuImage.built().withSettings(KippuStandIns.shared().properties())
                .withEnvironment("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on").startService()) {
            assertThat(kippu.logs()).contains("Starting AOT-processed KippuApplication");
            RawHttp http = KippuApi.at(kippu.baseUrl()).http();
            assertThat(http.query("{ events(first: 1) { edges { node { id } } } }").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void itAnswersTheProbesAsThePlatformsSendThem() {
        try (KippuContainer kippu = KippuImage.built().withSettings(KippuStandIns.shared().properties()).startService()) {
            RawHttp http = KippuApi.at(kippu.baseUrl()).http();
            // Kubernetes' kubelet (Knative's too), and the ALB's health checker on ECS
            for (String prober : new String[] {"kube-probe/1.33", "ELB-HealthChecker/2.0"}) {
                for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(http.uri(probe)).header("User-Agent", prober).GET());
                    assertThat(answer.statusCode()).as(prober + " " + probe).isEqualTo(200);
                    assertThat(answer.body()).contains("\"status\":\"UP\"");
                }
            }
        }
    }
}
