package dev.kippu.load.spike;

import dev.kippu.load.cost.Compute;
import dev.kippu.load.cost.LineItem;
import dev.kippu.load.cost.RuntimeCost;

/**
 * The cost model's prices as the spike model spends them: what each served request adds (its path
 * charges, and Lambda's duration at the measured mean) and what one instance costs a second.
 * Fixed monthly charges (load balancer, cluster fee) do not change with a spike and are left out.
 */
record Charges(double usdPerServedRequest, double usdPerInstanceSecond) {

    static Charges of(RuntimeCost cost) {
        double perRequest = cost.perRequest().stream().mapToDouble(LineItem::usd).sum();
        return switch (cost.compute()) {
            case Compute.PerRequest lambda -> new Charges(perRequest + lambda.usdPerRequest(), 0);
            case Compute.InstanceFleet fleet -> new Charges(perRequest, fleet.instanceHourlyUsd() / 3600);
            case Compute.BusyTimeFleet busy -> new Charges(perRequest, busy.instanceSecondUsd());
        };
    }
}
