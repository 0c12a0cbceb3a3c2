package dev.kippu.load.spike;

import java.util.OptionalDouble;

import dev.kippu.load.cost.Compute;
import dev.kippu.load.cost.LineItem;
import dev.kippu.load.cost.RuntimeCost;

/**
 * The cost model's prices as the spike model spends them: what each served request adds (its path
 * charges, and Lambda's duration at the measured mean) and what one instance costs a second it is
 * billed: every second it runs, or, with {@code busyRequestSeconds} (Cloud Run's request-based
 * billing), only while it starts and while it has a request in flight.
 * Fixed monthly charges (load balancer, cluster fee) do not change with a spike and are left out.
 */
record Charges(double usdPerServedRequest, double usdPerInstanceSecond, OptionalDouble busyRequestSeconds) {

    /** Instances billed for every second they run. */
    Charges(double usdPerServedRequest, double usdPerInstanceSecond) {
        this(usdPerServedRequest, usdPerInstanceSecond, OptionalDouble.empty());
    }

    static Charges of(RuntimeCost cost) {
        double perRequest = cost.perRequest().stream().mapToDouble(LineItem::usd).sum();
        return switch (cost.compute()) {
            case Compute.PerRequest lambda -> new Charges(perRequest + lambda.usdPerRequest(), 0);
            case Compute.InstanceFleet fleet -> new Charges(perRequest, fleet.instanceHourlyUsd() / 3600);
            case Compute.BusyTimeFleet busy -> new Charges(perRequest, busy.instanceSecondUsd(),
                    OptionalDouble.of(busy.meanRequestSeconds()));
        };
    }

    /**
     * The instance-seconds billed in a second with {@code running} instances, {@code ready} of them
     * taking traffic and serving {@code served}: while busy, as the cost model's BusyTimeFleet, the
     * requests in flight, never more than the ready instances.
     */
    double billedInstanceSeconds(int running, int ready, double served) {
        if (busyRequestSeconds.isEmpty()) {
            return running;
        }
        return running - ready + Math.min(ready, served * busyRequestSeconds.getAsDouble());
    }
}
