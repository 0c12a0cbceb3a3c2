package dev.kippu.load.spike;

import java.util.OptionalInt;

/** A runtime's autoscaler, asked at the end of every second how many instances it wants. */
sealed interface Scaler permits CloudRunScaling, EcsScaling, HpaScaling, KpaScaling, ManagedInstancesScaling {

    int minInstances();

    int maxInstances();

    /** Instances running before the spike, when the base rate has been steady for a while. */
    int instancesBefore(double baseRequestsPerSecond);

    /** The instances wanted at the end of {@code second}, or empty to leave them as they are. */
    OptionalInt desired(int second, History history);

    static void requireRange(int min, int max) {
        if (min < 0 || max < Math.max(1, min)) {
            throw new IllegalArgumentException("instances must satisfy 0 <= min <= max, max >= 1; got " + min
                    + ".." + max);
        }
    }
}
