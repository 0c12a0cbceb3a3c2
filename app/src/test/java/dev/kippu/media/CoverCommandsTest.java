package dev.kippu.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kippu.common.InvalidInput;

class CoverCommandsTest {

    @Test
    void anUploadOfOneByteToFiveMebibytesOfAnImageTypeIsAccepted() {
        assertThatNoException().isThrownBy(() -> new RequestCoverUpload("event-1", "image/png", 1));
        assertThat(new RequestCoverUpload("event-1", "Image/WebP", RequestCoverUpload.MAX_BYTES).type()).isEqualTo(ImageType.WEBP);
    }

    @Test
    void everyBrokenRuleOfARequestIsReportedAtOnce() {
        assertThatThrownBy(() -> new RequestCoverUpload("", "text/html", 0))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.violations())
                        .extracting(InvalidInput.Violation::field).containsExactly("eventId", "contentType", "contentLength"));
        assertThatThrownBy(() -> new RequestCoverUpload("e", "image/jpeg", 5 * 1024 * 1024 + 1))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.violations())
                        .extracting(InvalidInput.Violation::field).containsExactly("contentLength"));
        assertThatThrownBy(() -> new RequestCoverUpload("e", "image/jpeg", -1)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new RequestCoverUpload("e", null, 10)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void onlyUploadIdsThatCouldHaveBeenHandedOutAreConfirmed() {
        assertThatNoException().isThrownBy(() -> new ConfirmCoverUpload("e", UUID.randomUUID().toString()));
        for (String forged : new String[] {"../../other-event/x", "abc", "", UUID.randomUUID() + "/x", UUID.randomUUID().toString().toUpperCase()}) {
            assertThatThrownBy(() -> new ConfirmCoverUpload("e", forged)).as(forged)
                    .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.violations())
                            .extracting(InvalidInput.Violation::field).containsExactly("uploadId"));
        }
    }
}
