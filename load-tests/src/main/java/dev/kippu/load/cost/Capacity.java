package dev.kippu.load.cost;

/**
 * How many requests a second one container instance serves at the utilisation its autoscaler
 * targets. The model's central assumption for every instance-priced runtime: instances =
 * max(minimum, ceil(rate / requestsPerSecondPerInstance)).
 */
public record Capacity(double requestsPerSecondPerInstance) {

    public Capacity {
        CostModel.requirePositive("requestsPerSecondPerInstance", requestsPerSecondPerInstance);
    }

    /**
     * From the application's measured CPU time per request: an instance of {@code vcpu} CPUs held at
     * {@code targetUtilisation} has vcpu × 1000 × target CPU-milliseconds a second to spend.
     */
    public static Capacity fromCpu(double vcpu, double cpuMsPerRequest, double targetUtilisation) {
        CostModel.requirePositive("vcpu", vcpu);
        CostModel.requirePositive("cpuMsPerRequest", cpuMsPerRequest);
        if (!(targetUtilisation > 0 && targetUtilisation <= 1)) {
            throw new IllegalArgumentException("targetUtilisation must be in (0, 1], got " + targetUtilisation);
        }
        return new Capacity(vcpu * 1000 * targetUtilisation / cpuMsPerRequest);
    }
}
