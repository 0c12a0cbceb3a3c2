package dev.kippu.load.cost;

import java.util.List;
import java.util.Objects;

/**
 * What one runtime costs as a function of a constant request rate: its compute, the fixed charges
 * of the infrastructure it needs (load balancer, NAT, control plane, always-on workers), and the
 * charges every request adds on its path (front door, CloudFront, DynamoDB, data transfer).
 */
public record RuntimeCost(String runtime, Compute compute, List<LineItem> fixedMonthly, List<LineItem> perRequest) {

    public RuntimeCost {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(compute, "compute");
        fixedMonthly = List.copyOf(fixedMonthly);
        perRequest = List.copyOf(perRequest);
    }

    /** Total $ a month (30 days) at {@code requestsPerSecond}, constant over the month. */
    public double monthlyUsd(double requestsPerSecond) {
        CostModel.requireNonNegative("requestsPerSecond", requestsPerSecond);
        return fixedMonthlyUsd() + compute.monthlyUsd(requestsPerSecond)
                + requestsPerSecond * CostModel.SECONDS_PER_MONTH * perRequestUsd();
    }

    /** $ a month with no traffic at all: the minimum footprint. */
    public double idleMonthlyUsd() {
        return monthlyUsd(0);
    }

    /** The variable part: $ per million requests from per-request charges and compute at capacity. */
    public double usdPerMillionRequests() {
        return (perRequestUsd() + compute.usdPerRequestAtCapacity()) * 1e6;
    }

    double fixedMonthlyUsd() {
        return fixedMonthly.stream().mapToDouble(LineItem::usd).sum();
    }

    private double perRequestUsd() {
        return perRequest.stream().mapToDouble(LineItem::usd).sum();
    }
}
