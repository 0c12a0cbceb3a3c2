package dev.kippu.media.graphql;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import dev.kippu.account.CurrentUser;
import dev.kippu.event.Event;
import dev.kippu.media.ConfirmCoverUpload;
import dev.kippu.media.CoverService;
import dev.kippu.media.RequestCoverUpload;
import dev.kippu.media.UploadTicket;

/** Event covers in the GraphQL API. */
@Controller
class CoverController {

    private final CoverService covers;

    CoverController(CoverService covers) {
        this.covers = covers;
    }

    @MutationMapping
    UploadTicket requestCoverUpload(CurrentUser user, @Argument String eventId, @Argument String contentType, @Argument int contentLength) {
        return covers.requestUpload(user, new RequestCoverUpload(eventId, contentType, contentLength));
    }

    @MutationMapping
    Event confirmCoverUpload(CurrentUser user, @Argument String eventId, @Argument String uploadId) {
        return covers.confirmUpload(user, new ConfirmCoverUpload(eventId, uploadId));
    }
}
