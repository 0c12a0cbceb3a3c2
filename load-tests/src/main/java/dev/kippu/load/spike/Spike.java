package dev.kippu.load.spike;

/**
 * A flash sale as offered load: {@code baseRequestsPerSecond} all along, plus
 * {@code spikeRequestsPerSecond} during the first {@code spikeSeconds}; the runtimes are watched for
 * {@code observedSeconds} (at least the spike) in steps of one second.
 */
public record Spike(double baseRequestsPerSecond, double spikeRequestsPerSecond, int spikeSeconds,
                    int observedSeconds) {

    /** Longest simulation accepted: a day of one-second steps. */
    static final int MAX_OBSERVED_SECONDS = 86_400;

    public Spike {
        requireFinite("baseRequestsPerSecond", baseRequestsPerSecond);
        requireFinite("spikeRequestsPerSecond", spikeRequestsPerSecond);
        if (spikeSeconds < 0) {
            throw new IllegalArgumentException("spikeSeconds must be >= 0, got " + spikeSeconds);
        }
        if (observedSeconds < Math.max(1, spikeSeconds) || observedSeconds > MAX_OBSERVED_SECONDS) {
            throw new IllegalArgumentException("observedSeconds must be in [max(1, spikeSeconds), "
                    + MAX_OBSERVED_SECONDS + "], got " + observedSeconds);
        }
    }

    /** Requests arriving in second {@code second} (0-based). */
    public double demand(int second) {
        return baseRequestsPerSecond + (second < spikeSeconds ? spikeRequestsPerSecond : 0);
    }

    static void requireFinite(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }
}
