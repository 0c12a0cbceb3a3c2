package dev.kippu.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class StrictManifestsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: kippu
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: kippu
              template:
                metadata:
                  labels:
                    app: kippu
                spec:
                  containers:
                    - name: kippu
                      image: kippu-app
                      imagePullPolicy: IfNotPresent
                      readinessProbe:
                        httpGet:
                          path: /actuator/health/readiness
                          port: 8080
            """;

    @Test
    void loadsAWellFormedManifestIntoTheTypedModel() {
        assertThat(StrictManifests.load(DEPLOYMENT)).singleElement().isInstanceOfSatisfying(Deployment.class, deployment ->
                assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getReadinessProbe()
                        .getHttpGet().getPort().getIntVal()).isEqualTo(8080));
    }

    @Test
    void refusesAMisspeltField() {
        assertThatThrownBy(() -> StrictManifests.load(DEPLOYMENT.replace("imagePullPolicy", "imagePullPolcy")))
                .hasStackTraceContaining("imagePullPolcy");
    }

    @Test
    void refusesAMisspeltFieldDeepInThePodTemplate() {
        assertThatThrownBy(() -> StrictManifests.load(DEPLOYMENT.replace("httpGet", "httpGett")))
                .hasStackTraceContaining("httpGett");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        assertThatThrownBy(() -> StrictManifests.load(DEPLOYMENT.replace("replicas: 2", "replicas: two")))
                .hasStackTraceContaining("replicas");
    }

    @Test
    void refusesAKindTheModelDoesNotKnow() {
        assertThatThrownBy(() -> StrictManifests.load(DEPLOYMENT.replace("apps/v1", "apps/v1beta9")))
                .hasStackTraceContaining("GenericKubernetesResource");
    }

    @Test
    void refusesAnObjectWithoutAName() {
        assertThatThrownBy(() -> StrictManifests.load(DEPLOYMENT.replace("  name: kippu\nspec", "  labels: {}\nspec")))
                .hasMessageContaining("metadata.name");
    }
}
