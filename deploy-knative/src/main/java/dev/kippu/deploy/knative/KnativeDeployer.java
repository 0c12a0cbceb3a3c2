package dev.kippu.deploy.knative;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deploys Kippu on Knative to the cluster of the current kubeconfig context:
 * <pre>
 *   apply   --image REF@sha256:DIGEST [--namespace NS] [--settings FILE] [--manifests DIR] [--timeout 5m]
 *   traffic --latest PERCENT [--namespace NS] [--service kippu] [--timeout 5m]
 * </pre>
 * {@code apply} writes the whole deployment ({@link ServiceDeployer#apply}); {@code --settings}
 * is the {@code kippu-settings} ConfigMap, needed on the first deploy and whenever it changes;
 * {@code --manifests} a directory of edited copies of src/main/knative. Both commands wait until
 * the Service is Ready and print its URLs; exit status 0 when it is, 1 when it failed, timed out
 * or was refused, 2 for a command line it does not understand.
 */
public final class KnativeDeployer {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "apply", Set.of("image", "namespace", "settings", "manifests", "timeout"),
            "traffic", Set.of("latest", "namespace", "service", "timeout"));

    private KnativeDeployer() {
    }

    public static void main(String[] args) {
        int status;
        try (KubernetesClient kubernetes = new KubernetesClientBuilder().build()) {
            status = run(args, kubernetes, System.out, System.err);
        }
        System.exit(status);
    }

    static int run(String[] args, KubernetesClient kubernetes, PrintStream out, PrintStream err) {
        Map<String, String> options;
        String command;
        try {
            Deque<String> words = new ArrayDeque<>(List.of(args));
            command = words.poll();
            if (command == null || !OPTIONS.containsKey(command)) {
                throw new IllegalArgumentException("the command is apply or traffic");
            }
            options = options(command, words);
        } catch (IllegalArgumentException e) {
            err.println("kippu-deploy: " + e.getMessage());
            err.println("usage: apply --image REF@sha256:DIGEST [--namespace NS] [--settings FILE] [--manifests DIR] [--timeout 5m]");
            err.println("       traffic --latest PERCENT [--namespace NS] [--service kippu] [--timeout 5m]");
            return 2;
        }
        String namespace = options.getOrDefault("namespace", kubernetes.getNamespace());
        try {
            Duration timeout = duration(options.get("timeout"));
            ServiceDeployer deployer = new ServiceDeployer(kubernetes, namespace == null ? "default" : namespace);
            Service changed = switch (command) {
                case "apply" -> deployer.apply(manifests(options.get("manifests")), new ImageReference(required(options, "image")),
                        Optional.ofNullable(options.get("settings")).map(file -> Manifests.fromFile(Path.of(file), ConfigMap.class)));
                default -> deployer.shiftTraffic(options.getOrDefault("service", "kippu"), percent(required(options, "latest")));
            };
            Service ready = deployer.awaitReady(changed, timeout);
            out.println(ready.getMetadata().getName() + " is Ready at " + ready.getStatus().getUrl());
            for (TrafficTarget target : ready.getStatus().getTraffic()) {
                out.println("  " + target.getPercent() + " % -> " + target.getRevisionName()
                        + (target.getTag() == null ? "" : " (tag " + target.getTag() + ": " + target.getUrl() + ")"));
            }
            return 0;
        } catch (DeploymentFailed | KubernetesClientException e) {
            err.println("kippu-deploy: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String command, Deque<String> words) {
        Map<String, String> options = new HashMap<>();
        while (!words.isEmpty()) {
            String word = words.poll();
            String name = word.startsWith("--") ? word.substring(2) : "";
            if (!OPTIONS.get(command).contains(name)) {
                throw new IllegalArgumentException(command + " takes no '" + word + "'");
            }
            String value = words.poll();
            if (value == null || value.startsWith("--")) {
                throw new IllegalArgumentException(word + " needs a value");
            }
            if (options.put(name, value) != null) {
                throw new IllegalArgumentException(word + " is given twice");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new DeploymentFailed("--" + name + " is required");
        }
        return value;
    }

    private static KippuManifests manifests(String directory) {
        return directory == null ? KippuManifests.fromClasspath() : KippuManifests.fromDirectory(Path.of(directory));
    }

    private static int percent(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new DeploymentFailed("--latest takes a whole percentage from 0 to 100, not '" + value + "'");
        }
    }

    private static Duration duration(String value) {
        if (value == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            Duration timeout = Duration.parse("PT" + value.toUpperCase());
            if (timeout.isNegative() || timeout.isZero()) {
                throw new DeploymentFailed("--timeout must be positive, not " + value);
            }
            return timeout;
        } catch (DateTimeParseException e) {
            throw new DeploymentFailed("--timeout takes a duration such as 90s or 5m, not '" + value + "'");
        }
    }
}
