package dev.kippu.load.cost;

/**
 * A request rate at which two runtimes' monthly totals meet: below it {@code cheaperBelow} costs
 * less, above it {@code cheaperAbove}. An {@link Kind#INTERSECTION} is where two cost lines cross;
 * a {@link Kind#STEP} is where one runtime adds an instance and jumps past the other.
 */
public record Crossover(String cheaperBelow, String cheaperAbove, double requestsPerSecond, Kind kind) {

    public enum Kind { INTERSECTION, STEP }
}
