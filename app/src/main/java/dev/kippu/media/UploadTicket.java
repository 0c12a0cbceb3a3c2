package dev.kippu.media;

import java.time.Instant;
import java.util.List;

/**
 * Permission to upload one file straight to storage: send {@code method} to {@code url} with exactly
 * these {@code headers} and the file as the body, before {@code expiresAt}.
 */
public record UploadTicket(String uploadId, String url, String method, List<Header> headers, Instant expiresAt) {

    public UploadTicket {
        headers = List.copyOf(headers);
    }

    public record Header(String name, String value) {
    }
}
