package dev.kippu.load.cost;

import java.util.Objects;

/** How an instance-priced runtime scales: what one instance serves, and how many always run. */
public record Scaling(Capacity capacity, int minInstances) {

    public Scaling {
        Objects.requireNonNull(capacity, "capacity");
        if (minInstances < 0) {
            throw new IllegalArgumentException("minInstances must be >= 0, got " + minInstances);
        }
    }
}
