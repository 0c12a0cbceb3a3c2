package dev.kippu.k8s;

import static dev.kippu.k8s.Rendered.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** What an overlay adds to make the base deployable: a registry's image and every setting the application reads. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"overlays/eks", "overlays/gke"})
class DeployableOverlaysTest {

    /** The README's configuration table: what Kippu needs in the cloud. */
    static final List<String> SETTINGS = List.of("KIPPU_TABLE", "KIPPU_USER_POOL_ID", "KIPPU_CLIENT_IDS",
            "KIPPU_EMAIL_QUEUE", "KIPPU_MAIL_FROM", "KIPPU_UPLOADS_BUCKET", "KIPPU_MEDIA_BUCKET", "KIPPU_MEDIA_BASE_URL",
            "AWS_REGION", "SPRING_PROFILES_ACTIVE", "KIPPU_AWS_CREDENTIALS");

    @Parameter
    String kustomization;

    @Test
    void bothWorkloadsRunTheImageFromARegistry() {
        Rendered rendered = Rendered.of(kustomization);
        rendered.pods().forEach((owner, pod) -> {
            String image = onlyContainer(pod).getImage();
            assertThat(image).as(owner + "'s image").matches("[a-z0-9.-]+\\.[a-z]+/([a-z0-9._-]+/)*kippu-app[:@].+");
        });
    }

    @Test
    void bothWorkloadsGetEverySettingAndTheSdksDefaultCredentialChain() {
        Rendered rendered = Rendered.of(kustomization);
        rendered.pods().forEach((owner, pod) -> {
            var settings = rendered.settingsOf(onlyContainer(pod)).getData();
            assertThat(settings).as(owner + "'s settings").containsOnlyKeys(SETTINGS)
                    .containsEntry("KIPPU_AWS_CREDENTIALS", "chain")
                    .allSatisfy((name, value) -> assertThat(value).as(name).isNotBlank());
        });
    }

    @Test
    void eachWorkloadHasItsOwnServiceAccount() {
        Rendered rendered = Rendered.of(kustomization);
        List<String> accounts = rendered.pods().values().stream().map(PodTemplateSpec::getSpec)
                .map(spec -> spec.getServiceAccountName()).distinct().toList();
        assertThat(accounts).containsExactlyInAnyOrder(Rendered.SERVER, Rendered.REMINDERS);
    }
}
