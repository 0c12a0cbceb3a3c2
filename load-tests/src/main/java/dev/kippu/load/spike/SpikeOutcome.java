package dev.kippu.load.spike;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;

/**
 * What a spike did on one runtime: requests arrived, served, refused (a 429 from Lambda, a timeout
 * or a full buffer elsewhere), the largest queue and the longest wait of a served request, when the
 * runtime absorbed it, the instances (or execution environments) it started, and what the observed
 * seconds cost: compute used plus every served request's charges from the cost model.
 */
public record SpikeOutcome(String runtime, double arrived, double served, double refused, double maxQueued,
                           int maxWaitSeconds, OptionalInt absorbedAtSecond, long newInstances, double usd,
                           List<Second> timeline) {

    public SpikeOutcome {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(absorbedAtSecond, "absorbedAtSecond");
        timeline = List.copyOf(timeline);
    }

    /** The outcome of the seconds in {@code timeline}: their requests summed, and when the runtime absorbed the spike. */
    static SpikeOutcome of(String runtime, List<Second> timeline, double maxQueued, int maxWaitSeconds, long newInstances, double usd) {
        return new SpikeOutcome(runtime, total(timeline, Second::arrived), total(timeline, Second::served), total(timeline, Second::refused),
                maxQueued, maxWaitSeconds, absorbed(timeline), newInstances, usd, timeline);
    }

    /** A figure summed over the seconds in order. */
    static double total(List<Second> timeline, ToDoubleFunction<Second> figure) {
        double sum = 0;
        for (Second second : timeline) {
            sum += figure.applyAsDouble(second);
        }
        return sum;
    }

    /**
     * The second from which capacity met demand with nothing waiting or refused until the end of the
     * observation: 0 when there never was a shortfall, empty when there still was one at the end.
     */
    static OptionalInt absorbed(List<Second> timeline) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).shortfall()) {
                return i == timeline.size() - 1 ? OptionalInt.empty() : OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.of(0);
    }
}
