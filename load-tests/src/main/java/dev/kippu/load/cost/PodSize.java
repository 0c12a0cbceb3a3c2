package dev.kippu.load.cost;

/** The CPU and memory a task, pod or container instance is billed for (its requests, not its use). */
public record PodSize(double vcpu, double memoryGib) {

    public PodSize {
        CostModel.requirePositive("vcpu", vcpu);
        CostModel.requirePositive("memoryGib", memoryGib);
    }

    PodSize plus(PodSize other) {
        return new PodSize(vcpu + other.vcpu, memoryGib + other.memoryGib);
    }

    double hourlyUsd(Price vcpuHour, Price memoryHour) {
        return vcpu * vcpuHour.usd() + memoryGib * memoryHour.usd();
    }
}
