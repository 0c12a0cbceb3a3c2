package dev.kippu.deploy.knative;

import io.fabric8.knative.serving.v1.RevisionSpec;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manifests, read into fabric8's typed model, against the rules Knative, Kubernetes and Cloud Run apply. */
class ManifestTest {

    /** Every setting of the image's contract that differs per deployment (README's configuration table). */
    static final Set<String> SETTINGS = Set.of("AWS_ROLE_ARN", "AWS_REGION", "KIPPU_TABLE", "KIPPU_USER_POOL_ID",
            "KIPPU_CLIENT_IDS", "KIPPU_EMAIL_QUEUE", "KIPPU_MAIL_FROM", "KIPPU_UPLOADS_BUCKET", "KIPPU_MEDIA_BUCKET",
            "KIPPU_MEDIA_BASE_URL");

    final Service service = Manifests.fromClasspath("knative/kippu-service.yaml", Service.class);
    final Service cloudRun = Manifests.fromClasspath("cloudrun/kippu-service.yaml", Service.class);
    final Deployment worker = Manifests.fromClasspath("knative/kippu-email-worker.yaml", Deployment.class);
    final CronJob reminders = Manifests.fromClasspath("knative/kippu-reminders.yaml", CronJob.class);
    final ConfigMap settings = Manifests.fromClasspath("knative/kippu-settings.yaml", ConfigMap.class);
    final ServiceAccount account = Manifests.fromClasspath("knative/kippu-serviceaccount.yaml", ServiceAccount.class);

    @Test
    void aFieldTheModelDoesNotKnowIsRefusedWithItsPath(@TempDir Path dir) throws IOException {
        Path misspelt = dir.resolve("kippu-service.yaml");
        Files.writeString(misspelt, classpath("knative/kippu-service.yaml").replace("readinessProbe:", "readinesProbe:"));

        assertThatThrownBy(() -> Manifests.fromFile(misspelt, Service.class))
                .isInstanceOf(DeploymentFailed.class)
                .hasMessageContaining("spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void theKnativeServiceScalesToZeroOnConcurrencyWithAnnotationsKnativeAccepts() {
        Map<String, String> annotations = service.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations.keySet()).allMatch(key -> key.startsWith("autoscaling.knative.dev/"));
        assertThat(annotations).containsEntry("autoscaling.knative.dev/class", "kpa.autoscaling.knative.dev")
                .containsEntry("autoscaling.knative.dev/metric", "concurrency")
                .containsEntry("autoscaling.knative.dev/min-scale", "0");
        double target = number(annotations, "target");
        int maxScale = (int) number(annotations, "max-scale");
        int initialScale = (int) number(annotations, "initial-scale");
        assertThat(target).isGreaterThanOrEqualTo(0.01);
        assertThat(number(annotations, "target-utilization-percentage")).isBetween(1.0, 100.0);
        assertThat(maxScale).isPositive();
        assertThat(initialScale).isBetween(1, maxScale);
        assertThat(number(annotations, "panic-window-percentage")).isBetween(1.0, 100.0);
        assertThat(number(annotations, "panic-threshold-percentage")).isBetween(110.0, 1000.0);
        assertThat(duration(annotations, "window")).isBetween(Duration.ofSeconds(6), Duration.ofHours(1));
        assertThat(duration(annotations, "scale-down-delay")).isBetween(Duration.ZERO, Duration.ofHours(1));

        RevisionSpec revision = service.getSpec().getTemplate().getSpec();
        // a hard limit above the soft target, within Knative's default container-concurrency-max-limit
        assertThat(revision.getContainerConcurrency()).isBetween((long) Math.ceil(target), 1000L);
        // timeoutSeconds is also the pod's termination grace period: the image needs >= 30 s; 600 s is Knative's default maximum
        assertThat(revision.getTimeoutSeconds()).isBetween(30L, 600L);
    }

    @Test
    void theKnativeServiceProbesTheImagesHealthEndpointsOnItsServingPort() {
        Container kippu = onlyContainer(service.getSpec().getTemplate().getSpec().getContainers());
        assertThat(kippu.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isIn("", "h2c", "http1");
            assertThat(port.getContainerPort()).isEqualTo(8080).isNotIn(8012, 8013, 8022, 8112, 9090, 9091, 8008);
        });
        Probe readiness = kippu.getReadinessProbe();
        assertThat(readiness.getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(kippu.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        // Knative: a probe names the serving port or none; with periodSeconds 0 (its aggressive probe) no timeout or threshold
        assertThat(readiness.getHttpGet().getPort()).isNull();
        assertThat(kippu.getLivenessProbe().getHttpGet().getPort()).isNull();
        if (readiness.getPeriodSeconds() == null || readiness.getPeriodSeconds() == 0) {
            assertThat(readiness.getTimeoutSeconds()).isNull();
            assertThat(readiness.getFailureThreshold()).isNull();
        }
        assertThat(kippu.getEnv()).extracting(EnvVar::getName).doesNotContain("PORT", "K_SERVICE", "K_CONFIGURATION", "K_REVISION");
    }

    @Test
    void theKnativeServiceRunsHardenedWithinWhatKnativeAllowsWithoutFeatureFlags() {
        RevisionSpec revision = service.getSpec().getTemplate().getSpec();
        Container kippu = onlyContainer(revision.getContainers());
        assertHardened(kippu.getSecurityContext());
        // a pod-level securityContext needs kubernetes.podspec-securitycontext; the container's needs nothing
        assertThat(revision.getSecurityContext()).isNull();
        assertThat(kippu.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        assertThat(kippu.getSecurityContext().getRunAsNonRoot()).isTrue();
        // the volume kinds Knative allows by default (emptyDir since it became enabled by default)
        assertThat(revision.getVolumes()).allSatisfy(volume -> assertThat(
                volume.getSecret() != null || volume.getConfigMap() != null || volume.getProjected() != null || volume.getEmptyDir() != null).isTrue());
        assertWritableTmp(kippu, revision.getVolumes());
        assertThat(kippu.getResources().getLimits()).containsKeys("cpu", "memory");
    }

    @Test
    void everyWorkloadGetsTheImagesSettingsAndAwsCredentialsByWebIdentity() {
        RevisionSpec revision = service.getSpec().getTemplate().getSpec();
        Container kippu = onlyContainer(revision.getContainers());
        Map<String, EnvVar> env = byName(kippu.getEnv());
        assertThat(env.keySet()).containsAll(SETTINGS);
        assertThat(env.values()).filteredOn(var -> var.getValueFrom() != null)
                .allSatisfy(var -> assertThat(var.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("kippu-settings"))
                .allSatisfy(var -> assertThat(settings.getData()).containsKey(var.getValueFrom().getConfigMapKeyRef().getKey()));
        assertThat(settings.getData().keySet()).isEqualTo(SETTINGS);
        assertThat(env.get("SPRING_PROFILES_ACTIVE").getValue()).isEqualTo("prod");
        assertThat(env.get("KIPPU_NOTIFICATIONS_LOOPS").getValue()).isEqualTo("false");
        assertWebIdentity(env, kippu, revision.getVolumes());

        Container workerContainer = onlyContainer(worker.getSpec().getTemplate().getSpec().getContainers());
        assertThat(workerContainer.getEnvFrom()).singleElement().satisfies(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo("kippu-settings"));
        assertThat(byName(workerContainer.getEnv()).get("KIPPU_NOTIFICATIONS_LOOPS").getValue()).isEqualTo("true");
        assertWebIdentity(byName(workerContainer.getEnv()), workerContainer, worker.getSpec().getTemplate().getSpec().getVolumes());

        PodSpec job = reminders.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Container jobContainer = onlyContainer(job.getContainers());
        assertThat(jobContainer.getEnvFrom()).singleElement().satisfies(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo("kippu-settings"));
        assertWebIdentity(byName(jobContainer.getEnv()), jobContainer, job.getVolumes());

        assertThat(account.getAutomountServiceAccountToken()).isFalse();
        assertThat(List.of(revision.getServiceAccountName(), worker.getSpec().getTemplate().getSpec().getServiceAccountName(), job.getServiceAccountName()))
                .containsOnly(account.getMetadata().getName());
    }

    @Test
    void theTrafficBlockSendsEverythingToTheLatestRevision() {
        TrafficSplit.validate(service.getSpec().getTraffic());
        TrafficSplit.validate(cloudRun.getSpec().getTraffic());
        assertThat(service.getSpec().getTraffic()).isEqualTo(TrafficSplit.allOnLatest());
    }

    @Test
    void theReminderCronJobRunsTheImageInJobModeOneRunAtATime() {
        assertThat(reminders.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(reminders.getSpec().getSchedule()).matches("\\S+ \\S+ \\S+ \\S+ \\S+");
        assertThat(reminders.getSpec().getTimeZone()).isEqualTo("Etc/UTC");
        assertThat(reminders.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds()).isPositive();
        PodSpec pod = reminders.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        Container job = onlyContainer(pod.getContainers());
        assertThat(job.getArgs()).containsExactly("dev.kippu.ReminderJobApplication");
        assertThat(job.getPorts()).isEmpty();
        assertHardenedPod(pod, job);
    }

    @Test
    void theEmailWorkerIsOneAlwaysOnInstanceThatShutsDownGracefully() {
        assertThat(worker.getSpec().getReplicas()).isEqualTo(1);
        PodSpec pod = worker.getSpec().getTemplate().getSpec();
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(30L);
        assertThat(worker.getSpec().getSelector().getMatchLabels()).isEqualTo(worker.getSpec().getTemplate().getMetadata().getLabels());
        Container kippu = onlyContainer(pod.getContainers());
        assertThat(kippu.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(kippu.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertHardenedPod(pod, kippu);
    }

    @Test
    void theCloudRunServiceKeepsToWhatCloudRunAccepts() {
        Map<String, String> annotations = cloudRun.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations.keySet()).allMatch(key -> key.startsWith("run.googleapis.com/")
                || key.equals("autoscaling.knative.dev/minScale") || key.equals("autoscaling.knative.dev/maxScale"));
        assertThat(annotations).containsEntry("autoscaling.knative.dev/minScale", "0")
                .containsEntry("run.googleapis.com/cpu-throttling", "true");
        RevisionSpec revision = cloudRun.getSpec().getTemplate().getSpec();
        assertThat(revision.getContainerConcurrency()).isBetween(1L, 1000L);
        assertThat(revision.getTimeoutSeconds()).isBetween(1L, 3600L);
        assertThat(revision.getContainers()).allSatisfy(container -> {
            assertThat(container.getSecurityContext()).isNull();
            assertThat(container.getReadinessProbe()).isNull();
        });
        assertThat(revision.getContainers()).filteredOn(container -> !container.getPorts().isEmpty()).singleElement()
                .satisfies(kippu -> {
                    assertThat(kippu.getName()).isEqualTo("kippu");
                    assertThat(kippu.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
                    assertThat(kippu.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
                });
        assertThat(revision.getVolumes()).allSatisfy(volume -> assertThat(volume.getEmptyDir().getMedium()).isEqualTo("Memory"));
    }

    @Test
    void theCloudRunServiceSetsWhatTheKnativeServiceSets() {
        Container knativeKippu = onlyContainer(service.getSpec().getTemplate().getSpec().getContainers());
        Container cloudRunKippu = cloudRun.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(byName(cloudRunKippu.getEnv()).keySet()).isEqualTo(byName(knativeKippu.getEnv()).keySet());
        assertThat(byName(cloudRunKippu.getEnv()).values()).filteredOn(var -> SETTINGS.contains(var.getName()))
                .allSatisfy(var -> assertThat(var.getValue()).isEqualTo("${" + var.getName() + "}"));
        for (String fixed : List.of("SPRING_PROFILES_ACTIVE", "KIPPU_AWS_CREDENTIALS", "KIPPU_NOTIFICATIONS_LOOPS")) {
            assertThat(byName(cloudRunKippu.getEnv()).get(fixed).getValue()).isEqualTo(byName(knativeKippu.getEnv()).get(fixed).getValue());
        }
        assertThat(cloudRunKippu.getPorts()).isEqualTo(knativeKippu.getPorts());
        assertThat(cloudRun.getSpec().getTemplate().getSpec().getContainerConcurrency()).isEqualTo(service.getSpec().getTemplate().getSpec().getContainerConcurrency());
        assertThat(cloudRun.getSpec().getTemplate().getSpec().getTimeoutSeconds()).isEqualTo(service.getSpec().getTemplate().getSpec().getTimeoutSeconds());
        assertThat(cloudRun.getSpec().getTemplate().getMetadata().getAnnotations().get("autoscaling.knative.dev/maxScale"))
                .isEqualTo(service.getSpec().getTemplate().getMetadata().getAnnotations().get("autoscaling.knative.dev/max-scale"));
        assertThat(cloudRunKippu.getResources().getLimits()).isEqualTo(knativeKippu.getResources().getLimits());
    }

    private static void assertWebIdentity(Map<String, EnvVar> env, Container container, List<Volume> volumes) {
        assertThat(env.get("KIPPU_AWS_CREDENTIALS").getValue()).isEqualTo("chain");
        String tokenFile = env.get("AWS_WEB_IDENTITY_TOKEN_FILE").getValue();
        VolumeMount mount = container.getVolumeMounts().stream().filter(m -> tokenFile.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow();
        assertThat(mount.getReadOnly()).isTrue();
        Volume volume = volumes.stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertThat(volume.getProjected().getSources()).singleElement().satisfies(source -> {
            assertThat(source.getServiceAccountToken().getAudience()).isEqualTo("sts.amazonaws.com");
            assertThat(mount.getMountPath() + "/" + source.getServiceAccountToken().getPath()).isEqualTo(tokenFile);
        });
    }

    private static void assertHardenedPod(PodSpec pod, Container container) {
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(65532L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertHardened(container.getSecurityContext());
        assertWritableTmp(container, pod.getVolumes());
    }

    private static void assertHardened(SecurityContext context) {
        assertThat(context.getAllowPrivilegeEscalation()).isFalse();
        assertThat(context.getReadOnlyRootFilesystem()).isTrue();
        assertThat(context.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(context.getCapabilities().getAdd()).isEmpty();
        if (context.getSeccompProfile() != null) {
            assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        }
    }

    private static void assertWritableTmp(Container container, List<Volume> volumes) {
        VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst().orElseThrow();
        assertThat(tmp.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        assertThat(volumes).filteredOn(v -> v.getName().equals(tmp.getName())).singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
    }

    private static Container onlyContainer(List<Container> containers) {
        assertThat(containers).hasSize(1);
        return containers.getFirst();
    }

    private static Map<String, EnvVar> byName(List<EnvVar> env) {
        return env.stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
    }

    private static double number(Map<String, String> annotations, String name) {
        return Double.parseDouble(annotations.get("autoscaling.knative.dev/" + name));
    }

    private static Duration duration(Map<String, String> annotations, String name) {
        return Duration.parse("PT" + annotations.get("autoscaling.knative.dev/" + name).toUpperCase());
    }

    private static String classpath(String name) throws IOException {
        try (InputStream in = ManifestTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
