package dev.kippu.load.spike;

import dev.kippu.load.cost.Capacity;
import dev.kippu.load.cost.Compute;
import dev.kippu.load.cost.LineItem;
import dev.kippu.load.cost.RuntimeCost;

import java.util.List;

/** Round prices so that expected costs can be worked out by hand. */
final class Fixtures {

    /** $0.001 an instance-second, $0.000001 a request. */
    static final RuntimeCost FLEET = new RuntimeCost("fleet",
            new Compute.InstanceFleet("instance", 3.6, new Capacity(1), 1), List.of(),
            List.of(new LineItem("request", 1e-6)));

    /** $0.001 an instance-second while starting or busy, requests of 100 ms, $0.000001 a request. */
    static final RuntimeCost BUSY = new RuntimeCost("busy",
            new Compute.BusyTimeFleet("instance", 0.001, new Capacity(1), 0.1), List.of(),
            List.of(new LineItem("request", 1e-6)));

    /** $0.00005 of duration a request (so $0.001 an execution second at 50 ms), $0.000001 a request. */
    static final RuntimeCost LAMBDA = new RuntimeCost("lambda", new Compute.PerRequest("duration", 5e-5), List.of(),
            List.of(new LineItem("request", 1e-6)));

    private Fixtures() {
    }

    static int instancesAt(SpikeOutcome outcome, int second) {
        return outcome.timeline().get(second).instances();
    }
}
