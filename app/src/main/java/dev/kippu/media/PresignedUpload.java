package dev.kippu.media;

import java.time.Instant;
import java.util.List;

/** A request signed in advance: anyone holding it may send it, as it is, until it expires. */
public record PresignedUpload(String url, String method, List<UploadTicket.Header> headers, Instant expiresAt) {

    public PresignedUpload {
        headers = List.copyOf(headers);
    }
}
