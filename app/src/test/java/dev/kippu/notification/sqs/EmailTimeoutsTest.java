package dev.kippu.notification.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.kippu.KippuApplication;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.notification.NotificationProperties;
import dev.kippu.platform.aws.AwsProperties;
import dev.kippu.platform.timeouts.Nesting;
import dev.kippu.platform.timeouts.TimeoutsDoNotNest;
import dev.kippu.support.ShippedSettings;

/** The e-mail path's timeouts nest with the shipped settings, and Kippu refuses settings where they do not. */
@ExtendWith(OutputCaptureExtension.class)
class EmailTimeoutsTest {

    private static final Duration SHUTDOWN_PHASE = Duration.ofSeconds(30); // Spring Boot's default

    @Test
    void theShippedSettingsNest() {
        assertThat(timeouts(Map.of())).hasSize(7).allSatisfy(nesting -> assertThat(nesting.holds()).as(nesting.toString()).isTrue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kippu.notifications.wait-time          | 21s | kippu.notifications.wait-time (21s) must be at most SQS's longest wait (20s)
            kippu.aws.socket-timeout               | 12s | kippu.notifications.wait-time + 5s (15s) must be shorter than kippu.aws.socket-timeout (12s)
            kippu.notifications.claim-lease        | 10s | 2 x kippu.aws.call-timeout (send the e-mail, mark it sent) (12s) must be shorter than kippu.notifications.claim-lease (10s)
            kippu.notifications.claim-lease        | 30s | kippu.notifications.claim-lease (30s) must be shorter than kippu.notifications.visibility-timeout (30s)
            kippu.notifications.visibility-timeout | 22s | 4 x kippu.aws.call-timeout (claim, send, mark sent, delete) (24s) must be shorter than kippu.notifications.visibility-timeout (22s)
            kippu.aws.call-timeout                 | 8s  | 4 x kippu.aws.call-timeout (claim, send, mark sent, delete) (32s) must be shorter than kippu.notifications.visibility-timeout (30s)
            """)
    void aSettingThatBreaksANestingIsNamed(String property, String value, String broken) {
        List<Nesting> nestings = timeouts(Map.of(property, value));
        assertThat(nestings).filteredOn(nesting -> !nesting.holds()).extracting(Nesting::toString).anySatisfy(text -> assertThat(text).startsWith(broken));
    }

    @Test
    void theApplicationRefusesToStartWithThemAndSaysWhich(CapturedOutput output) {
        List<String> arguments = new ArrayList<>();
        KippuStandIns.shared().properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.add("--kippu.notifications.claim-lease=45s");
        SpringApplication kippu = new SpringApplication(KippuApplication.class);
        kippu.setMainApplicationClass(KippuApplication.class); // whose AOT initializer it runs with -Dspring.aot.enabled=true
        kippu.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> kippu.run(arguments.toArray(String[]::new))).hasRootCauseInstanceOf(TimeoutsDoNotNest.class);
        assertThat(output).contains("APPLICATION FAILED TO START",
                "kippu.notifications.claim-lease (45s) must be shorter than kippu.notifications.visibility-timeout (30s), otherwise the queue "
                        + "redelivers a dead worker's job while its claim still holds",
                "Timeouts that nest");
    }

    private static List<Nesting> timeouts(Map<String, Object> overrides) {
        return EmailQueueWorker.timeouts(ShippedSettings.bind("kippu.notifications", NotificationProperties.class, overrides),
                ShippedSettings.bind("kippu.aws", AwsProperties.class, overrides), SHUTDOWN_PHASE);
    }
}
