package dev.kippu.booking;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.kippu.common.InvalidInput;

class BookSeatsTest {

    @Test
    void aValidRequestIsAccepted() {
        assertThatNoException().isThrownBy(() -> new BookSeats("event-1", 10, "Ab_-0123"));
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThatThrownBy(() -> new BookSeats("", 0, "bad key!"))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> org.assertj.core.api.Assertions.assertThat(invalid.violations())
                        .extracting(InvalidInput.Violation::field).containsExactly("eventId", "quantity", "idempotencyKey"));
    }

    @Test
    void quantityAndKeyLengthHaveLimits() {
        assertThatThrownBy(() -> new BookSeats("e", 11, "k".repeat(8))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new BookSeats("e", 1, "k".repeat(65))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new BookSeats("e", 1, "k".repeat(7))).isInstanceOf(InvalidInput.class);
    }
}
