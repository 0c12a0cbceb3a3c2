package dev.kippu.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.kippu.common.InvalidInput;

class CreateEventTest {

    private static final Instant START = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void theContractsLimitsAreInclusive() {
        CreateEvent event = new CreateEvent("t".repeat(120), "d".repeat(5000), "v".repeat(200), START, START.plusSeconds(60), 100_000);
        assertThat(event.capacity()).isEqualTo(100_000);
    }

    @Test
    void textIsCountedInCharactersNotBytes() {
        assertThat(new CreateEvent("切".repeat(120), "", "武道館", START, START.plusSeconds(60), 1).title()).hasSize(120);
    }

    @Test
    void everyBrokenRuleIsReported() {
        assertThatThrownBy(() -> new CreateEvent(" ", "d".repeat(5001), "", START, START, 0))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.violations())
                        .extracting(InvalidInput.Violation::field).containsExactly("title", "description", "venue", "capacity"));
    }
}
