package dev.kippu.platform.timeouts;

import java.time.Duration;
import java.util.List;

/**
 * One time that must fit inside another: {@code inner} (a setting, or what settings add up to) must
 * end before {@code outer} does, or {@code because} happens. The table in docs/architecture.md
 * ("Timeouts that nest") lists them; {@link #require} refuses a configuration that breaks one.
 */
public record Nesting(String inner, Duration innerValue, String outer, Duration outerValue, boolean mayEqual, String because) {

    public static Nesting shorter(String inner, Duration innerValue, String outer, Duration outerValue, String because) {
        return new Nesting(inner, innerValue, outer, outerValue, false, because);
    }

    public static Nesting atMost(String inner, Duration innerValue, String outer, Duration outerValue, String because) {
        return new Nesting(inner, innerValue, outer, outerValue, true, because);
    }

    public boolean holds() {
        int comparison = innerValue.compareTo(outerValue);
        return mayEqual ? comparison <= 0 : comparison < 0;
    }

    /** Throws {@link TimeoutsDoNotNest} naming every nesting that does not hold. */
    public static void require(List<Nesting> nestings) {
        List<Nesting> broken = nestings.stream().filter(nesting -> !nesting.holds()).toList();
        if (!broken.isEmpty()) {
            throw new TimeoutsDoNotNest(broken);
        }
    }

    @Override
    public String toString() {
        return inner + " (" + format(innerValue) + ") must be " + (mayEqual ? "at most " : "shorter than ") + outer + " ("
                + format(outerValue) + "), otherwise " + because;
    }

    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
