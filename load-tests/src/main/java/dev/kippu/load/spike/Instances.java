package dev.kippu.load.spike;

/**
 * The instances (tasks, pods, Managed Instances' EC2 instances) of a runtime: the requests a second
 * one serves at full load (measured; beyond it requests wait or are refused), and the seconds from
 * the scaler's decision until a new one takes traffic (provisioning and image pull, the measured
 * start to ready, and the load balancer's health checks where there is one).
 */
public record Instances(double requestsPerSecondAtFullLoad, double startSeconds) {

    public Instances {
        Spike.requirePositive("requestsPerSecondAtFullLoad", requestsPerSecondAtFullLoad);
        Spike.requireFinite("startSeconds", startSeconds);
    }

    /** The simulation's second from which an instance launched at the end of {@code second} serves. */
    int readyAt(int second) {
        return second + 1 + (int) Math.ceil(startSeconds);
    }
}
