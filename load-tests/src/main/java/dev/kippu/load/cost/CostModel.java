package dev.kippu.load.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Monthly cost as a function of a constant request rate, and the rates at which two runtimes cost
 * the same. A month is the seed's: 30 days, 2,592,000 s, 720 h (AWS's calculator uses 730 h, so its
 * monthly figures are 1.4 % higher for anything billed by the hour).
 */
public final class CostModel {

    public static final double SECONDS_PER_MONTH = 30 * 24 * 3600;
    public static final double HOURS_PER_MONTH = 30 * 24;

    /** The crossovers of two runtimes, in increasing rate. */
    public record PairCrossovers(String first, String second, List<Crossover> crossovers) {

        public PairCrossovers {
            crossovers = List.copyOf(crossovers);
        }
    }

    private CostModel() {
    }

    /**
     * Every rate in (0, upToRequestsPerSecond] at which the monthly totals of {@code a} and
     * {@code b} meet, solved on each interval where both are affine (between instance steps): a
     * root inside an interval is an intersection, a change of sign across an instance step a step.
     * Empty when one is cheaper throughout (or they cost the same throughout).
     */
    public static List<Crossover> crossovers(RuntimeCost a, RuntimeCost b, double upToRequestsPerSecond) {
        requirePositive("upToRequestsPerSecond", upToRequestsPerSecond);
        double[] points = DoubleStream.concat(DoubleStream.of(0, upToRequestsPerSecond),
                        DoubleStream.concat(a.compute().breakpoints(upToRequestsPerSecond),
                                b.compute().breakpoints(upToRequestsPerSecond)))
                .filter(rate -> rate >= 0 && rate <= upToRequestsPerSecond)
                .sorted().distinct().toArray();
        double tolerance = 1e-9 * (1 + a.monthlyUsd(upToRequestsPerSecond) + b.monthlyUsd(upToRequestsPerSecond));
        List<Crossover> found = new ArrayList<>();
        int lastSign = 0;
        for (int i = 0; i + 1 < points.length; i++) {
            double low = points[i];
            double high = points[i + 1];
            // both totals are affine on (low, high]: two interior points give the line
            double m1 = low + (high - low) / 3;
            double m2 = low + 2 * (high - low) / 3;
            double d1 = difference(a, b, m1);
            double slope = (difference(a, b, m2) - d1) / (m2 - m1);
            double justAboveLow = d1 - slope * (m1 - low);
            double atHigh = difference(a, b, high);

            int startSign = sign(justAboveLow, tolerance);
            if (startSign != 0) {
                if (lastSign != 0 && startSign != lastSign) {
                    found.add(crossover(a, b, lastSign, low, Crossover.Kind.STEP));
                }
                lastSign = startSign;
            }
            int endSign = sign(atHigh, tolerance);
            if (endSign != 0) {
                if (lastSign != 0 && endSign != lastSign) {
                    double root = startSign == 0 ? low : low - justAboveLow / slope;
                    found.add(crossover(a, b, lastSign, root, Crossover.Kind.INTERSECTION));
                }
                lastSign = endSign;
            }
        }
        return found;
    }

    /** {@link #crossovers(RuntimeCost, RuntimeCost, double)} for each pair, in the order given. */
    public static List<PairCrossovers> crossoverTable(List<RuntimeCost> runtimes, double upToRequestsPerSecond) {
        List<PairCrossovers> table = new ArrayList<>();
        for (int i = 0; i < runtimes.size(); i++) {
            for (int j = i + 1; j < runtimes.size(); j++) {
                RuntimeCost a = runtimes.get(i);
                RuntimeCost b = runtimes.get(j);
                table.add(new PairCrossovers(a.runtime(), b.runtime(), crossovers(a, b, upToRequestsPerSecond)));
            }
        }
        return table;
    }

    static int instancesFor(double requestsPerSecond, Capacity capacity) {
        // the tolerance keeps an exact multiple of the capacity from rounding up to one more instance
        return (int) Math.max(0, Math.ceil(requestsPerSecond / capacity.requestsPerSecondPerInstance() - 1e-9));
    }

    static DoubleStream instanceSteps(double upTo, Capacity capacity) {
        double perInstance = capacity.requestsPerSecondPerInstance();
        if (upTo / perInstance > Compute.MAX_BREAKPOINTS) {
            throw new IllegalArgumentException("rate range up to " + upTo + " req/s is too wide for instances of "
                    + perInstance + " req/s");
        }
        return IntStream.rangeClosed(1, (int) Math.floor(upTo / perInstance)).mapToDouble(k -> k * perInstance);
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }

    static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    private static double difference(RuntimeCost a, RuntimeCost b, double requestsPerSecond) {
        return a.monthlyUsd(requestsPerSecond) - b.monthlyUsd(requestsPerSecond);
    }

    private static int sign(double value, double tolerance) {
        return Math.abs(value) <= tolerance ? 0 : (value < 0 ? -1 : 1);
    }

    private static Crossover crossover(RuntimeCost a, RuntimeCost b, int signBelow, double rate,
                                       Crossover.Kind kind) {
        return signBelow < 0
                ? new Crossover(a.runtime(), b.runtime(), rate, kind)
                : new Crossover(b.runtime(), a.runtime(), rate, kind);
    }
}
