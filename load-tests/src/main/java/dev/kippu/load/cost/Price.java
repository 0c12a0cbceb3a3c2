package dev.kippu.load.cost;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One list price as it was read: what it is, its amount in US dollars per {@code unit}, where it
 * applies, the page it was read from and when. {@code quotedBy} names the third party when the
 * provider's own page was not readable from here (its tables render client-side), empty when the
 * provider's page itself showed the number.
 */
public record Price(String item, double usd, String unit, String region, String source, String quotedBy,
                    LocalDate read) {

    public Price {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(quotedBy, "quotedBy");
        Objects.requireNonNull(read, "read");
        if (!(usd >= 0) || Double.isInfinite(usd)) {
            throw new IllegalArgumentException(item + ": a price is a finite amount >= 0, got " + usd);
        }
    }

    public boolean quotedByThirdParty() {
        return !quotedBy.isEmpty();
    }
}
