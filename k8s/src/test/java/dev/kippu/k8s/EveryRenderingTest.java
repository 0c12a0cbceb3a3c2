package dev.kippu.k8s;

import static dev.kippu.k8s.Rendered.onlyContainer;
import static dev.kippu.k8s.Rendered.selects;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** What the base and every overlay must keep: security, probes, shutdown, names and selectors that agree. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"base", "overlays/eks", "overlays/gke"})
class EveryRenderingTest {

    @Parameter
    String kustomization;

    private static final long KIPPU_UID = 65532;
    private static final String PART_OF = "app.kubernetes.io/part-of";

    @Test
    void everyPodRunsUnprivilegedWithAReadOnlyRootAndNoApiToken() {
        Rendered rendered = Rendered.of(kustomization);
        rendered.pods().forEach((owner, pod) -> {
            PodSpec spec = pod.getSpec();
            PodSecurityContext podContext = Optional.ofNullable(spec.getSecurityContext()).orElseGet(PodSecurityContext::new);
            assertThat(spec.getAutomountServiceAccountToken()).as(owner + ": automountServiceAccountToken").isFalse();
            assertThat(rendered.serviceAccountOf(pod).getAutomountServiceAccountToken()).as(owner + "'s service account").isFalse();
            assertThat(Stream.of(spec.getHostNetwork(), spec.getHostPID(), spec.getHostIPC())).as(owner + ": host namespaces")
                    .allMatch(shared -> shared == null || !shared);
            assertThat(spec.getInitContainers()).as(owner + ": init containers").isNullOrEmpty();
            for (Container container : spec.getContainers()) {
                SecurityContext own = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
                String where = owner + "/" + container.getName();
                assertThat(effective(own.getRunAsNonRoot(), podContext.getRunAsNonRoot())).as(where + ": runAsNonRoot").isTrue();
                assertThat(effective(own.getRunAsUser(), podContext.getRunAsUser())).as(where + ": runAsUser").isEqualTo(KIPPU_UID);
                assertThat(effective(own.getRunAsGroup(), podContext.getRunAsGroup())).as(where + ": runAsGroup").isEqualTo(KIPPU_UID);
                assertThat(own.getReadOnlyRootFilesystem()).as(where + ": readOnlyRootFilesystem").isTrue();
                assertThat(own.getAllowPrivilegeEscalation()).as(where + ": allowPrivilegeEscalation").isFalse();
                assertThat(own.getPrivileged()).as(where + ": privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(own.getCapabilities().getDrop()).as(where + ": capabilities dropped").containsExactly("ALL");
                assertThat(own.getCapabilities().getAdd()).as(where + ": capabilities added").isNullOrEmpty();
                String seccomp = effective(own.getSeccompProfile(), podContext.getSeccompProfile()).getType();
                assertThat(seccomp).as(where + ": seccomp profile").isEqualTo("RuntimeDefault");
            }
        });
    }

    @Test
    void everyPodWritesOnlyToABoundedTmpAndMountsNothingFromTheNode() {
        Rendered.of(kustomization).pods().forEach((owner, pod) -> {
            Container container = onlyContainer(pod);
            VolumeMount tmp = container.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(owner + " mounts nothing at /tmp"));
            Volume tmpVolume = volume(pod, tmp.getName());
            assertThat(tmpVolume.getEmptyDir()).as(owner + ": /tmp is an emptyDir").isNotNull();
            assertThat(tmpVolume.getEmptyDir().getSizeLimit()).as(owner + ": /tmp's size limit").isNotNull();
            for (Volume volume : pod.getSpec().getVolumes()) {
                assertThat(volume.getHostPath()).as(owner + ": hostPath volume " + volume.getName()).isNull();
            }
            for (VolumeMount mount : container.getVolumeMounts()) {
                assertThat(mount.getReadOnly() == Boolean.TRUE || mount.getMountPath().equals("/tmp"))
                        .as(owner + ": only /tmp is writable, not " + mount.getMountPath()).isTrue();
            }
        });
    }

    @Test
    void everyContainerHasRequestsAndLimitsAndItsHeapFitsTheMemoryLimit() {
        Rendered.of(kustomization).pods().forEach((owner, pod) -> {
            Map<String, Quantity> requests = onlyContainer(pod).getResources().getRequests();
            Map<String, Quantity> limits = onlyContainer(pod).getResources().getLimits();
            assertThat(requests).as(owner + ": requests").containsKeys("cpu", "memory");
            assertThat(limits).as(owner + ": limits").containsKeys("cpu", "memory");
            assertThat(bytes(limits.get("memory"))).as(owner + ": the image is tested down to 512 MiB")
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(512L << 20));
            // the heap is a share of the limit: a node short of memory must not take back less than it
            assertThat(bytes(requests.get("memory"))).as(owner + ": memory request equals the limit").isEqualByComparingTo(bytes(limits.get("memory")));
            assertThat(Quantity.getAmountInBytes(requests.get("cpu"))).as(owner + ": cpu request within the limit")
                    .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("cpu")));
        });
    }

    @Test
    void theServerIsProbedOnItsHealthGroupsThroughItsHttpPort() {
        Container server = onlyContainer(Rendered.of(kustomization).serverPod());
        assertThat(server.getImage()).as("image").isNotBlank();
        assertThat(server.getArgs()).as("the image's own arguments start the server").isNullOrEmpty();
        assertThat(httpGet(server.getStartupProbe(), server)).isEqualTo("/actuator/health/liveness");
        assertThat(httpGet(server.getReadinessProbe(), server)).isEqualTo("/actuator/health/readiness");
        assertThat(httpGet(server.getLivenessProbe(), server)).isEqualTo("/actuator/health/liveness");
        // ready in 2-4 s; the startup probe gives a slow node a minute before the liveness probe may act
        Probe startup = server.getStartupProbe();
        assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).as("startup allowance (s)").isBetween(30, 180);
    }

    @Test
    void theServerLeavesTheLoadBalancersBeforeItStopsAndDrainsWithinTheGracePeriod() {
        PodTemplateSpec pod = Rendered.of(kustomization).serverPod();
        Container server = onlyContainer(pod);
        assertThat(server.getLifecycle().getPreStop().getExec()).as("no shell in the image: no exec hook").isNull();
        long preStop = server.getLifecycle().getPreStop().getSleep().getSeconds();
        assertThat(preStop).as("preStop sleep (s)").isBetween(3L, 15L);
        // after the sleep: up to 20 s of draining requests and the e-mail worker's 10 s long poll
        assertThat(pod.getSpec().getTerminationGracePeriodSeconds()).as("grace period (s)").isGreaterThanOrEqualTo(preStop + 30);
    }

    @Test
    void theDeploymentLeavesTheReplicaCountToTheAutoscalerAndNeverRollsBelowIt() {
        Deployment server = Rendered.of(kustomization).server();
        assertThat(server.getSpec().getReplicas()).as("replicas (the HPA's)").isNull();
        assertThat(server.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString(0));
        assertThat(selects(server.getSpec().getSelector(), server.getSpec().getTemplate().getMetadata().getLabels()))
                .as("the selector matches the template's labels").isTrue();
        assertThat(selects(server.getSpec().getSelector(), Rendered.of(kustomization).remindersPod().getMetadata().getLabels()))
                .as("the selector leaves the reminder pods alone").isFalse();
    }

    @Test
    void theServerSpreadsOverZonesAndNodesWithOneConstraintEach() {
        PodTemplateSpec pod = Rendered.of(kustomization).serverPod();
        List<TopologySpreadConstraint> constraints = pod.getSpec().getTopologySpreadConstraints();
        assertThat(constraints).extracting(TopologySpreadConstraint::getTopologyKey)
                .containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        for (TopologySpreadConstraint constraint : constraints) {
            assertThat(constraint.getMaxSkew()).isEqualTo(1);
            assertThat(selects(constraint.getLabelSelector(), pod.getMetadata().getLabels()))
                    .as(constraint.getTopologyKey() + " counts the server's pods").isTrue();
        }
    }

    @Test
    void theServiceSendsPortEightyToTheServersHttpPort() {
        Rendered rendered = Rendered.of(kustomization);
        Service service = rendered.named(Service.class, Rendered.SERVER);
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getPort()).isEqualTo(80);
            assertThat(containerPort(onlyContainer(rendered.serverPod()), port.getTargetPort()).getContainerPort()).isEqualTo(8080);
        });
        Map<String, String> selector = service.getSpec().getSelector();
        assertThat(rendered.serverPod().getMetadata().getLabels()).as("the server's pods").containsAllEntriesOf(selector);
        assertThat(rendered.remindersPod().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .as("the Service leaves the reminder pods out").isFalse();
    }

    @Test
    void theAutoscalerScalesTheDeploymentOnCpuAndRequestsUpAtOnceAndDownSlowly() {
        Rendered rendered = Rendered.of(kustomization);
        HorizontalPodAutoscaler hpa = rendered.named(HorizontalPodAutoscaler.class, Rendered.SERVER);
        var target = hpa.getSpec().getScaleTargetRef();
        assertThat(List.of(target.getApiVersion(), target.getKind(), target.getName()))
                .containsExactly("apps/v1", "Deployment", rendered.server().getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).as("minReplicas: survive a node").isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        assertThat(hpa.getSpec().getMetrics()).extracting(EveryRenderingTest::metricName)
                .containsExactlyInAnyOrder("Resource/cpu", "Pods/http_server_requests_per_second");
        assertThat(hpa.getSpec().getBehavior().getScaleUp().getStabilizationWindowSeconds()).isZero();
        assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void theDisruptionBudgetCoversTheServerAndLetsANodeDrain() {
        Rendered rendered = Rendered.of(kustomization);
        PodDisruptionBudget pdb = rendered.named(PodDisruptionBudget.class, Rendered.SERVER);
        assertThat(selects(pdb.getSpec().getSelector(), rendered.serverPod().getMetadata().getLabels())).isTrue();
        assertThat(selects(pdb.getSpec().getSelector(), rendered.remindersPod().getMetadata().getLabels())).isFalse();
        assertThat(pdb.getSpec().getMinAvailable()).as("minAvailable (a count that blocks drains at the minimum)").isNull();
        assertThat(pdb.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
    }

    @Test
    void theReminderRunIsTheImageInJobModeOneAtATimeAndBoundedInTime() {
        Rendered rendered = Rendered.of(kustomization);
        CronJob cronJob = rendered.reminders();
        Container reminders = onlyContainer(rendered.remindersPod());
        assertThat(reminders.getImage()).as("the server's image").isEqualTo(onlyContainer(rendered.serverPod()).getImage());
        assertThat(reminders.getArgs()).containsExactly("dev.kippu.ReminderJobApplication");
        assertThat(reminders.getPorts()).isNullOrEmpty();
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isNotNull();
        JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
        assertThat(job.getBackoffLimit()).isBetween(0, 3);
        assertThat(job.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getActiveDeadlineSeconds()).as("a run ends before the next is due").isLessThan(everyMinutes(cronJob.getSpec().getSchedule()) * 60L);
        assertThat(rendered.remindersPod().getSpec().getServiceAccountName()).as("its own identity")
                .isNotEqualTo(rendered.serverPod().getSpec().getServiceAccountName());
    }

    @Test
    void theSettingsAreGeneratedAndRunTheProductionProfile() {
        Rendered rendered = Rendered.of(kustomization);
        rendered.pods().forEach((owner, pod) -> assertThat(rendered.settingsOf(onlyContainer(pod)).getData())
                .as(owner + "'s settings").containsEntry("SPRING_PROFILES_ACTIVE", "prod"));
    }

    @Test
    void nothingComesInButToTheServersPortAndNothingGoesOutButDnsAndHttps() {
        Rendered rendered = Rendered.of(kustomization);
        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        rendered.pods().forEach((owner, pod) -> {
            List<NetworkPolicy> applying = policies.stream()
                    .filter(policy -> selects(policy.getSpec().getPodSelector(), pod.getMetadata().getLabels())).toList();
            assertThat(applying.stream().flatMap(policy -> policy.getSpec().getPolicyTypes().stream()))
                    .as(owner + " is isolated both ways").contains("Ingress", "Egress");
            List<NetworkPolicyPort> ingress = applying.stream().filter(policy -> policy.getSpec().getIngress() != null)
                    .flatMap(policy -> policy.getSpec().getIngress().stream()).flatMap(rule -> rule.getPorts().stream()).toList();
            if (owner.equals(Rendered.SERVER)) {
                assertThat(ingress).as("the server's ingress").isNotEmpty()
                        .allSatisfy(port -> assertThat(portAndProtocol(port)).isEqualTo("8080/TCP"));
            } else {
                assertThat(ingress).as(owner + "'s ingress").isEmpty();
            }
            List<NetworkPolicyPort> egress = applying.stream().filter(policy -> policy.getSpec().getEgress() != null)
                    .flatMap(policy -> policy.getSpec().getEgress().stream()).flatMap(rule -> rule.getPorts().stream()).toList();
            assertThat(egress).extracting(EveryRenderingTest::portAndProtocol).as(owner + "'s egress")
                    .containsExactlyInAnyOrder("53/UDP", "53/TCP", "443/TCP");
            applying.stream().filter(policy -> policy.getSpec().getEgress() != null)
                    .flatMap(policy -> policy.getSpec().getEgress().stream()).flatMap(rule -> rule.getTo().stream())
                    .map(NetworkPolicyPeer::getIpBlock).filter(Objects::nonNull)
                    .forEach(block -> assertThat(block.getExcept()).as(owner + ": the node's metadata service").contains("169.254.0.0/16"));
        });
    }

    @Test
    void everyObjectIsKippusInItsRestrictedNamespace() {
        Rendered rendered = Rendered.of(kustomization);
        Namespace namespace = rendered.named(Namespace.class, Rendered.NAMESPACE);
        assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        for (HasMetadata object : rendered.objects()) {
            String what = object.getKind() + " " + object.getMetadata().getName();
            assertThat(object.getMetadata().getName()).as(what).startsWith("kippu");
            assertThat(object.getMetadata().getLabels()).as(what).containsEntry(PART_OF, "kippu");
            if (!(object instanceof Namespace)) {
                assertThat(object.getMetadata().getNamespace()).as(what).isEqualTo(Rendered.NAMESPACE);
            }
        }
        rendered.pods().forEach((owner, pod) -> assertThat(pod.getMetadata().getLabels()).as(owner + "'s pods").containsEntry(PART_OF, "kippu"));
        assertThat(rendered.all(ServiceAccount.class)).extracting(account -> account.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(rendered.pods().values().stream().map(pod -> pod.getSpec().getServiceAccountName()).toList());
    }

    private static <T> T effective(T container, T pod) {
        return container != null ? container : pod;
    }

    private static BigDecimal bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }

    private static Volume volume(PodTemplateSpec pod, String name) {
        return pod.getSpec().getVolumes().stream().filter(volume -> volume.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static String httpGet(Probe probe, Container container) {
        assertThat(probe).as("probe").isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(containerPort(container, get.getPort()).getContainerPort()).as(get.getPath() + "'s port").isEqualTo(8080);
        return get.getPath();
    }

    private static ContainerPort containerPort(Container container, IntOrString port) {
        Function<ContainerPort, Boolean> matches = port.getStrVal() != null
                ? candidate -> port.getStrVal().equals(candidate.getName())
                : candidate -> port.getIntVal().equals(candidate.getContainerPort());
        return container.getPorts().stream().filter(matches::apply).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port " + port));
    }

    private static String metricName(MetricSpec metric) {
        return switch (metric.getType()) {
            case "Resource" -> "Resource/" + metric.getResource().getName();
            case "Pods" -> "Pods/" + metric.getPods().getMetric().getName();
            default -> metric.getType();
        };
    }

    private static String portAndProtocol(NetworkPolicyPort port) {
        return port.getPort().getIntVal() + "/" + port.getProtocol();
    }

    private static int everyMinutes(String schedule) {
        Matcher matcher = Pattern.compile("\\*/(\\d+) \\* \\* \\* \\*").matcher(schedule);
        assertThat(matcher.matches()).as("a schedule of every N minutes: " + schedule).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
