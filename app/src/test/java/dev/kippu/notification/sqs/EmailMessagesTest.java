package dev.kippu.notification.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.kippu.notification.EmailDelivery;
import dev.kippu.notification.NotificationProperties;
import dev.kippu.support.ShippedSettings;
import tools.jackson.databind.json.JsonMapper;

/** A message body that is no e-mail job is an outcome like any other, not an exception for the trigger to catch. */
class EmailMessagesTest {

    private final EmailMessages messages = new EmailMessages(
            new EmailDelivery(null, null, null, ShippedSettings.bind("kippu.notifications", NotificationProperties.class)),
            JsonMapper.builder().build());

    @Test
    void aBodyThatIsNoJobFails() {
        assertThat(messages.handle("not json")).isInstanceOf(EmailMessages.Outcome.Failed.class);
        assertThat(messages.handle("{}")).isInstanceOf(EmailMessages.Outcome.Failed.class);
        assertThat(messages.handle("[1, 2]")).isInstanceOf(EmailMessages.Outcome.Failed.class);
    }
}
