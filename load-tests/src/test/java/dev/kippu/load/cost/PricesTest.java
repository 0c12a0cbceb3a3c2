package dev.kippu.load.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricesTest {

    @Test
    void everyPriceNamesAnHttpsSourceAndWasReadOnce() {
        assertThat(Prices.all()).doesNotHaveDuplicates().allSatisfy(price -> {
            assertThat(price.source()).startsWith("https://");
            assertThat(price.read()).isNotNull();
        });
        assertThat(Prices.all()).extracting(Price::item).doesNotHaveDuplicates();
    }

    @Test
    void refusesANegativePrice() {
        assertThatThrownBy(() -> new Price("x", -1, "h", "r", "https://x", "", Prices.ALB_HOUR.read()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
    }
}
