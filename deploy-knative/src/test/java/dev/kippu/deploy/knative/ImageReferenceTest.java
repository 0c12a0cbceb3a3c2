package dev.kippu.deploy.knative;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageReferenceTest {

    static final String DIGEST = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest
    @ValueSource(strings = {
            "europe-docker.pkg.dev/p/kippu/kippu-app" + DIGEST,
            "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/kippu-app" + DIGEST,
            "localhost:5000/kippu-app" + DIGEST,
            "registry:5000/team/kippu_app" + DIGEST,
            "kippu-app" + DIGEST})
    void anImageByDigestIsTaken(String reference) {
        assertThat(new ImageReference(reference).value()).isEqualTo(reference);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "kippu-app",
            "europe-docker.pkg.dev/p/kippu/kippu-app:0.1.0",
            "europe-docker.pkg.dev/p/kippu/kippu-app:0.1.0" + DIGEST,
            "europe-docker.pkg.dev/p/kippu/kippu-app@sha256:1111",
            "europe-docker.pkg.dev/p/kippu/kippu-app@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "europe-docker.pkg.dev/p/kippu/kippu-app@sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "europe-docker.pkg.dev/p/Kippu/kippu-app" + DIGEST,
            "Registry/kippu-app" + DIGEST,
            "europe-docker.pkg.dev/p/kippu/kippu-app" + DIGEST + " ",
            "europe-docker.pkg.dev//kippu-app" + DIGEST})
    void anythingElseIsRefused(String reference) {
        assertThatThrownBy(() -> new ImageReference(reference))
                .isInstanceOf(DeploymentFailed.class).hasMessageContaining("the image must be referred to by digest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"europe-docker.pkg.dev/p/kippu/kippu-app:0.1.0", "localhost:5000/kippu-app:latest"})
    void aTagIsRefusedSayingWhy(String reference) {
        assertThatThrownBy(() -> new ImageReference(reference)).hasMessageEndingWith("(a tag can move; a digest cannot)");
    }
}
