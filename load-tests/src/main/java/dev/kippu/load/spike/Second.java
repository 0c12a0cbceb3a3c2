package dev.kippu.load.spike;

/**
 * One second of a simulated spike, for the chart: requests that arrived, the capacity that was
 * ready (requests a second), requests served, waiting at the end of the second, and refused
 * (throttled, over the buffer, or waited too long), and the instances running or starting.
 */
public record Second(int second, double arrived, double capacity, double served, double queued, double refused,
                     int instances) {

    boolean shortfall() {
        return queued > 0 || refused > 0 || served < arrived;
    }
}
