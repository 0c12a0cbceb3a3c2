package dev.kippu.media;

import dev.kippu.common.Violations;

/** An organizer's request to upload a cover image of a given type and exact size. */
public record RequestCoverUpload(String eventId, String contentType, int contentLength) {

    /** The largest cover accepted: 5 MiB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public RequestCoverUpload {
        new Violations()
                .length(eventId, 1, 100, "eventId")
                .require(ImageType.ofMediaType(contentType).isPresent(), "contentType", "must be " + ImageType.allowed())
                .range(contentLength, 1, MAX_BYTES, "contentLength")
                .throwIfAny();
    }

    public ImageType type() {
        return ImageType.ofMediaType(contentType).orElseThrow();
    }
}
