package dev.kippu.k8s;

import static dev.kippu.k8s.Rendered.env;
import static dev.kippu.k8s.Rendered.onlyContainer;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each cloud's overlay wires: how its pods reach AWS without a key, each workload as its own IAM role, and how the server spreads over zones. */
class CloudOverlaysTest {

    private static final String ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";
    private static final String ROLE_ARN = "arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]+";
    private static final String ZONE = "topology.kubernetes.io/zone";

    @Test
    void theBaseCarriesNoIdentityAndNoImageOfItsOwn() {
        Rendered base = Rendered.of("base");
        base.pods().forEach((owner, pod) -> {
            Container container = onlyContainer(pod);
            assertThat(container.getImage()).as(owner).isEqualTo("kippu-app");
            assertThat(env(container, "AWS_ROLE_ARN")).as(owner).isEmpty();
            assertThat(annotations(base.serviceAccountOf(pod))).as(owner).doesNotContainKey(ROLE_ANNOTATION);
        });
    }

    @Test
    void onEksEachServiceAccountNamesItsOwnRoleForTheWebhookToWire() {
        Rendered eks = Rendered.of("overlays/eks");
        List<String> roles = eks.pods().entrySet().stream().map(entry -> {
            PodTemplateSpec pod = entry.getValue();
            Container container = onlyContainer(pod);
            // EKS's webhook adds these; one already there would keep its own token from the container
            assertThat(env(container, "AWS_ROLE_ARN")).as(entry.getKey()).isEmpty();
            assertThat(env(container, "AWS_WEB_IDENTITY_TOKEN_FILE")).as(entry.getKey()).isEmpty();
            assertThat(pod.getSpec().getVolumes()).extracting(Volume::getName).as(entry.getKey()).doesNotContain("aws-iam-token");
            return annotations(eks.serviceAccountOf(pod)).get(ROLE_ANNOTATION);
        }).toList();
        assertThat(roles).allSatisfy(role -> assertThat(role).matches(ROLE_ARN)).doesNotHaveDuplicates();
    }

    @Test
    void onGkeEachPodExchangesItsProjectedServiceAccountTokenForItsOwnRole() {
        Rendered gke = Rendered.of("overlays/gke");
        List<String> roles = gke.pods().entrySet().stream().map(entry -> {
            String owner = entry.getKey();
            PodTemplateSpec pod = entry.getValue();
            Container container = onlyContainer(pod);
            assertThat(annotations(gke.serviceAccountOf(pod))).as(owner).doesNotContainKey(ROLE_ANNOTATION);
            String tokenFile = env(container, "AWS_WEB_IDENTITY_TOKEN_FILE").orElseThrow(() -> new AssertionError(owner + ": no token file"));
            VolumeMount mount = container.getVolumeMounts().stream().filter(candidate -> tokenFile.startsWith(candidate.getMountPath() + "/"))
                    .findFirst().orElseThrow(() -> new AssertionError(owner + ": nothing mounted at " + tokenFile));
            assertThat(mount.getReadOnly()).as(owner + ": token mount read-only").isTrue();
            Volume volume = pod.getSpec().getVolumes().stream().filter(candidate -> candidate.getName().equals(mount.getName()))
                    .findFirst().orElseThrow();
            ServiceAccountTokenProjection token = volume.getProjected().getSources().stream()
                    .map(VolumeProjection::getServiceAccountToken).filter(projection -> projection != null).findFirst()
                    .orElseThrow(() -> new AssertionError(owner + ": " + mount.getName() + " holds no service account token"));
            assertThat(mount.getMountPath() + "/" + token.getPath()).as(owner + ": the token file").isEqualTo(tokenFile);
            assertThat(token.getAudience()).as(owner + ": the audience AWS IAM's OIDC provider trusts").isEqualTo("sts.amazonaws.com");
            assertThat(token.getExpirationSeconds()).as(owner + ": token lifetime (s)").isBetween(600L, 86400L);
            return env(container, "AWS_ROLE_ARN").orElseThrow(() -> new AssertionError(owner + ": no AWS_ROLE_ARN"));
        }).toList();
        assertThat(roles).allSatisfy(role -> assertThat(role).matches(ROLE_ARN)).doesNotHaveDuplicates();
    }

    @Test
    void onEksTheServerMustSpreadOverZones() {
        assertThat(zoneSpread("overlays/eks").getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
    }

    @Test
    void onGkeTheServerMustSpreadOverTheThreeZonesOfARegionalCluster() {
        TopologySpreadConstraint zones = zoneSpread("overlays/gke");
        assertThat(zones.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
        assertThat(zones.getMinDomains()).isEqualTo(3);
    }

    @Test
    void onGkeTheServerKeepsIdleConnectionsLongerThanGooglesLoadBalancersDo() {
        // the image keeps them 65 s, for an ALB's 60 s; Google's front ends reuse a backend connection for up to 600 s
        assertThat(env(onlyContainer(Rendered.of("overlays/gke").serverPod()), "SERVER_TOMCAT_KEEP_ALIVE_TIMEOUT"))
                .hasValueSatisfying(timeout -> assertThat(Duration.ofSeconds(Long.parseLong(timeout.replaceFirst("s$", ""))))
                        .isGreaterThan(Duration.ofSeconds(600)));
    }

    @Test
    void theBaseSpreadsOverZonesWhereItCanButSchedulesInAOneZoneClusterToo() {
        assertThat(zoneSpread("base").getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway");
    }

    private static TopologySpreadConstraint zoneSpread(String kustomization) {
        return Rendered.of(kustomization).serverPod().getSpec().getTopologySpreadConstraints().stream()
                .filter(constraint -> constraint.getTopologyKey().equals(ZONE)).findFirst().orElseThrow();
    }

    private static Map<String, String> annotations(ServiceAccount account) {
        return Optional.ofNullable(account.getMetadata().getAnnotations()).orElse(Map.of());
    }
}
