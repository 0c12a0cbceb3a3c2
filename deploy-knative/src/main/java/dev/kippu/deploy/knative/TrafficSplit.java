package dev.kippu.deploy.knative;

import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.knative.serving.v1.TrafficTargetBuilder;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kippu's traffic blocks. Tag {@code current} is the revision users are on; tag {@code candidate}
 * is the latest ready revision while a canary runs, reachable at its own tag URL with no share of
 * the traffic at all (0 %) until it is given one.
 */
public final class TrafficSplit {

    public static final String CURRENT = "current";
    public static final String CANDIDATE = "candidate";

    private static final Pattern TAG = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

    private TrafficSplit() {
    }

    /** Everything on the latest ready revision: the first deploy, and a promoted canary. */
    public static List<TrafficTarget> allOnLatest() {
        return List.of(new TrafficTargetBuilder().withLatestRevision(true).withPercent(100L).withTag(CURRENT).build());
    }

    /** {@code latestPercent} of the requests on the latest ready revision, the rest on {@code previous}. */
    public static List<TrafficTarget> canary(String previous, int latestPercent) {
        requireShare(latestPercent);
        if (latestPercent == 100) {
            return allOnLatest();
        }
        return List.of(
                new TrafficTargetBuilder().withRevisionName(previous).withLatestRevision(false)
                        .withPercent(100L - latestPercent).withTag(CURRENT).build(),
                new TrafficTargetBuilder().withLatestRevision(true).withPercent((long) latestPercent).withTag(CANDIDATE).build());
    }

    static void requireShare(int latestPercent) {
        if (latestPercent < 0 || latestPercent > 100) {
            throw new DeploymentFailed("the latest revision's share must be 0 to 100 %, not " + latestPercent);
        }
    }

    /** The rules Knative's webhook applies to a traffic block, checked before anything is sent. */
    public static void validate(List<TrafficTarget> traffic) {
        if (traffic == null || traffic.isEmpty()) {
            throw new DeploymentFailed("the traffic block is empty");
        }
        long sum = 0;
        Set<String> tags = new HashSet<>();
        for (TrafficTarget target : traffic) {
            boolean latest = Boolean.TRUE.equals(target.getLatestRevision());
            boolean named = target.getRevisionName() != null && !target.getRevisionName().isBlank();
            if (latest == named) {
                throw new DeploymentFailed("a traffic target names a revision or follows the latest one, never both nor neither: " + target);
            }
            long percent = target.getPercent() == null ? 0 : target.getPercent();
            if (percent < 0 || percent > 100) {
                throw new DeploymentFailed("a traffic share must be 0 to 100 %, not " + percent);
            }
            sum += percent;
            String tag = target.getTag();
            if (tag != null && (!TAG.matcher(tag).matches() || !tags.add(tag))) {
                throw new DeploymentFailed("traffic tags must be distinct DNS labels: " + tag);
            }
        }
        if (sum != 100) {
            throw new DeploymentFailed("the traffic shares add up to " + sum + " %, not 100 %");
        }
    }
}
