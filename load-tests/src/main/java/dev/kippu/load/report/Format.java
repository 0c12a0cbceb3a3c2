package dev.kippu.load.report;

import java.util.Locale;
import java.util.OptionalDouble;

/** Numbers as the report shows them: thousands separated, fewer decimals the larger they are, "—" for none. */
final class Format {

    static final String NONE = "—";

    private Format() {
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 || value == Math.rint(value) ? "%,.0f" : magnitude >= 1 ? "%,.1f" : "%,.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    static String number(OptionalDouble value, String unit) {
        return value.isPresent() ? number(value.getAsDouble()) + (unit.isEmpty() ? "" : " " + unit) : NONE;
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String usd(double usd) {
        return String.format(Locale.ROOT, usd != 0 && Math.abs(usd) < 1 ? "$%.4f" : "$%,.2f", usd);
    }

    static String percent(double percent, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f %%", percent);
    }
}
