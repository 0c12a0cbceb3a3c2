package dev.kippu.media;

import java.util.regex.Pattern;

import dev.kippu.common.Violations;

/** The organizer says the upload of {@code uploadId} is done: check it and make it the event's cover. */
public record ConfirmCoverUpload(String eventId, String uploadId) {

    /** Upload ids are the random UUIDs handed out with the tickets; nothing else becomes part of an object key. */
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public ConfirmCoverUpload {
        new Violations()
                .length(eventId, 1, 100, "eventId")
                .matches(uploadId, UPLOAD_ID, "uploadId", "must be an uploadId returned by requestCoverUpload")
                .throwIfAny();
    }
}
