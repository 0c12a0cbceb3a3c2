package dev.kippu.deploy.knative;

import java.util.regex.Pattern;

/**
 * Kippu's image by digest, {@code [registry[:port]/]path@sha256:<64 hex>}, in the grammar of the
 * distribution reference. A tag is refused: Knative resolves a tag to a digest for each revision,
 * but the e-mail worker's Deployment and the reminder CronJob would pull whatever the tag names
 * when a pod starts (every 15 minutes for the job), so the three would drift apart without anyone
 * deploying. By digest they run the same build, the one that was applied.
 */
public record ImageReference(String value) {

    private static final String DOMAIN_COMPONENT = "[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?";
    // a first component is a registry when it has a dot or a port, or is localhost (as docker reads it)
    private static final String REGISTRY = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")+(?::[0-9]+)?"
            + "|" + DOMAIN_COMPONENT + ":[0-9]+|localhost)";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern BY_DIGEST = Pattern.compile(
            "(?:" + REGISTRY + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*@sha256:[a-f0-9]{64}");

    public ImageReference {
        if (value == null || !BY_DIGEST.matcher(value).matches()) {
            throw new DeploymentFailed("the image must be referred to by digest, such as "
                    + "europe-docker.pkg.dev/PROJECT/kippu/kippu-app@sha256:<64 hex digits>, not '" + value + "'"
                    + (value != null && value.matches(".*:[\\w][\\w.-]{0,127}") ? " (a tag can move; a digest cannot)" : ""));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
