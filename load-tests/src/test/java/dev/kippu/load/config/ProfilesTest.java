package dev.kippu.load.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProfilesTest {

    private static final Profiles DEFAULTS = new Profiles(name -> null);

    @Test
    void smokeAllowsNotOneFailedRequest() {
        Profile smoke = DEFAULTS.named("smoke");

        assertThat(smoke.limits().maxFailedPercent()).isZero();
        assertThat(smoke.checksFlashSale()).isFalse();
    }

    @Test
    void theFlashSaleReadsItsInvariantsBackAndIsSizedByItsParameters() {
        Profile flashSale = new Profiles(Map.of("vu", "2000", "seats", "300", "p95", "700")::get).named("flashsale");

        assertThat(flashSale.checksFlashSale()).isTrue();
        assertThat(flashSale.seats()).isEqualTo(300);
        assertThat(flashSale.attendees()).isEqualTo(100);
        assertThat(flashSale.limits().p95Millis()).isEqualTo(700);
        assertThat(new Profiles(Map.of("vu", "40")::get).named("flashsale").attendees()).isEqualTo(40);
    }

    @Test
    void everyBuiltProfileHasLimitsThatCanFail() {
        for (String name : Profiles.NAMES) {
            Limits limits = DEFAULTS.named(name).limits();
            assertThat(limits.p95Millis()).as(name).isLessThanOrEqualTo(limits.p99Millis());
            assertThat(limits.maxFailedPercent()).as(name).isLessThanOrEqualTo(1.0);
            assertThat(limits.assertions()).as(name).hasSize(3);
        }
    }

    @Test
    void theColdStartIdlesThenBurstsWithoutOneFailure() {
        Profile coldStart = new Profiles(Map.of("idle", "30", "vu", "50")::get).named("coldstart");

        assertThat(coldStart.limits().maxFailedPercent()).isZero();
        assertThat(coldStart.maxDuration()).isEqualTo(Duration.ofSeconds(150));
        assertThat(coldStart.checksFlashSale()).isFalse();
    }

    @Test
    void theSoakRunsTenMinutesUnlessToldOtherwise() {
        assertThat(DEFAULTS.named("soak").maxDuration()).isEqualTo(Duration.ofSeconds(660));
        assertThat(new Profiles(Map.of("duration", "3600")::get).named("soak").maxDuration()).isEqualTo(Duration.ofSeconds(3660));
    }

    @Test
    void anUnknownProfileIsRefusedListingTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.named("flash"))
                .withMessage("no load profile named 'flash' (-DtestType); there are [smoke, browse, flashsale, mixed, coldstart, soak]");
    }

    @Test
    void aParameterThatIsNotANumberOrTooSmallIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Profiles(Map.of("vu", "many")::get).named("flashsale"))
                .withMessage("-Dvu must be a whole number, not 'many'");
        assertThatIllegalArgumentException().isThrownBy(() -> new Profiles(Map.of("seats", "0")::get).named("flashsale"))
                .withMessage("-Dseats must be at least 1, not 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new Profiles(Map.of("rate", "-1")::get).named("browse"))
                .withMessage("-Drate must not be negative, not -1");
    }
}
