package dev.kippu.load.cost;

import java.util.Objects;

/** One charge of a runtime: a fixed amount a month, or an amount per request, in US dollars. */
public record LineItem(String what, double usd) {

    public LineItem {
        Objects.requireNonNull(what, "what");
        if (!(usd >= 0) || Double.isInfinite(usd)) {
            throw new IllegalArgumentException(what + ": a charge is a finite amount >= 0, got " + usd);
        }
    }
}
