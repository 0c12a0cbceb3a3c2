package dev.kippu.load.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kippu.load.results.FlashSaleInvariants.ListedBooking;
import dev.kippu.load.results.FlashSaleInvariants.Result;

class FlashSaleInvariantsTest {

    private static final List<ListedBooking> LISTED = List.of(new ListedBooking("a", 2, "CONFIRMED"), new ListedBooking("b", 3, "CONFIRMED"),
            new ListedBooking("c", 4, "CANCELLED"));

    @Test
    void aSaleWhoseSeatsAddUpAndWhoseConfirmationsAreAllListedHolds() {
        Result result = FlashSaleInvariants.check(10, 5, LISTED, Map.of("a", 2, "b", 3));

        assertThat(result.passed()).isTrue();
        assertThat(result.violations()).isEmpty();
        assertThat(result.seatsSold()).isEqualTo(5);
        assertThat(result.listedConfirmed()).isEqualTo(2);
    }

    @Test
    void cancelledBookingsHoldNoSeats() {
        assertThat(FlashSaleInvariants.check(10, 1, LISTED, Map.of()).violations())
                .containsExactly("the event says 1 of 10 seats remain, but its confirmed bookings hold 5");
    }

    @Test
    void moreSeatsSoldThanTheEventHasIsOverselling() {
        Result result = FlashSaleInvariants.check(4, 0, LISTED, Map.of());

        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).contains("oversold: the organizer lists 5 confirmed seats for a capacity of 4");
    }

    @Test
    void aConfirmationTheOrganizerDoesNotListIsAViolation() {
        Result result = FlashSaleInvariants.check(10, 5, LISTED, Map.of("a", 2, "c", 4, "z", 1));

        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).containsExactly("2 bookings answered CONFIRMED are not among the organizer's confirmed bookings: [c, z]");
    }

    @Test
    void aConfirmationListedWithAnotherQuantityIsAViolation() {
        assertThat(FlashSaleInvariants.check(10, 5, LISTED, Map.of("b", 1)).violations())
                .containsExactly("1 bookings answered CONFIRMED are listed with another quantity: [b]");
    }
}
