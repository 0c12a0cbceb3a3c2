package dev.kippu.load.spike;

import dev.kippu.load.cost.Compute;
import dev.kippu.load.cost.RuntimeCost;

import java.util.ArrayList;
import java.util.List;

/** One-second steps of on-demand Lambda under a spike (see {@link LambdaScaling}). */
final class LambdaSimulation {

    private LambdaSimulation() {
    }

    static SpikeOutcome run(Spike spike, LambdaScaling scaling, RuntimeCost cost) {
        if (!(cost.compute() instanceof Compute.PerRequest duration)) {
            throw new IllegalArgumentException(cost.runtime() + " is not billed per request, so not on-demand Lambda");
        }
        Charges charges = Charges.of(cost);
        double usdPerExecutionSecond = duration.usdPerRequest() / scaling.meanRequestSeconds();
        int seconds = spike.observedSeconds();
        int initSteps = (int) Math.ceil(scaling.initSeconds());
        int[] becomingReady = new int[seconds + 1];
        int ready = Math.min(scaling.concurrencyLimit(),
                (int) Math.ceil(spike.baseRequestsPerSecond() * scaling.meanRequestSeconds()));
        int initialising = 0;
        double allowance = scaling.burstEnvironments();
        List<Second> timeline = new ArrayList<>(seconds);
        long coldStarts = 0;
        for (int t = 0; t < seconds; t++) {
            ready += becomingReady[t];
            initialising -= becomingReady[t];
            if (t > 0) {
                allowance = Math.min(scaling.burstEnvironments(), allowance + scaling.environmentsPerSecond());
            }
            double arrived = spike.demand(t);
            double capacity = ready / scaling.meanRequestSeconds();
            double warm = Math.min(arrived, capacity);
            double unplaced = arrived - warm;
            int started = (int) Math.floor(Math.min(unplaced,
                    Math.min(allowance, scaling.concurrencyLimit() - ready - initialising)));
            allowance -= started;
            initialising += started;
            int readyAt = t + 1 + initSteps;
            if (readyAt < becomingReady.length) {
                becomingReady[readyAt] += started;
            }
            coldStarts += started;
            double refused = unplaced - started;
            timeline.add(new Second(t, arrived, capacity, warm + started, 0, refused, ready + initialising));
        }
        double usd = SpikeOutcome.total(timeline, Second::served) * charges.usdPerServedRequest()
                + coldStarts * scaling.initSeconds() * usdPerExecutionSecond;
        return SpikeOutcome.of(cost.runtime(), timeline, 0, coldStarts > 0 ? initSteps : 0, coldStarts, usd);
    }
}
