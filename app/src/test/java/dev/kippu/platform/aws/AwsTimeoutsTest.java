package dev.kippu.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kippu.platform.timeouts.Nesting;
import dev.kippu.support.ShippedSettings;

class AwsTimeoutsTest {

    @Test
    void theShippedSettingsNest() {
        assertThat(AwsClients.timeouts(ShippedSettings.bind("kippu.aws", AwsProperties.class))).allMatch(Nesting::holds);
    }

    @Test
    void anAttemptLongerThanItsCallIsRefused() {
        assertThat(AwsClients.timeouts(ShippedSettings.bind("kippu.aws", AwsProperties.class, Map.of("kippu.aws.attempt-timeout", "7s"))))
                .filteredOn(nesting -> !nesting.holds()).extracting(Nesting::toString)
                .containsExactly("kippu.aws.attempt-timeout (7s) must be at most kippu.aws.call-timeout (6s), otherwise no attempt could run "
                        + "its course and retries would never happen");
    }
}
