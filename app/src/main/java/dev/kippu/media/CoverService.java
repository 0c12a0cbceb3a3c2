package dev.kippu.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.kippu.account.CurrentUser;
import dev.kippu.common.InvalidInput;
import dev.kippu.common.NotFound;
import dev.kippu.event.Event;
import dev.kippu.event.EventService;

/**
 * Event covers. The organizer's browser uploads the image straight to private storage through a
 * presigned PUT (the application never carries the upload); confirming it makes the application check
 * what actually arrived, publish it under a name derived from its content, and point the event at it.
 *
 * <p>Upload objects are {@code covers/<eventId>/<uploadId>}; published ones {@code covers/<sha-256>.<ext>},
 * so the same image is stored once and a published name never changes content (it is cached for good).
 */
@Service
public class CoverService {

    private final EventService events;
    private final CoverStore store;

    CoverService(EventService events, CoverStore store) {
        this.events = events;
        this.store = store;
    }

    /** A presigned PUT for a new cover of the caller's own event, bound to the announced type and size. */
    public UploadTicket requestUpload(CurrentUser organizer, RequestCoverUpload request) {
        Event event = events.requireOwned(organizer, request.eventId());
        event.requireChangeable();
        String uploadId = UUID.randomUUID().toString();
        PresignedUpload presigned = store.presignUpload(uploadKey(event.id(), uploadId), request.type(), request.contentLength());
        return new UploadTicket(uploadId, presigned.url(), presigned.method(), presigned.headers(), presigned.expiresAt());
    }

    /**
     * Checks the uploaded file (present, at most 5 MiB, a JPEG, PNG or WebP by its first bytes), publishes
     * it and makes it the event's cover, then removes the upload. A file that fails a check is removed
     * and nothing changes. An upload can be confirmed once: afterwards it is gone ({@code NOT_FOUND}).
     */
    public Event confirmUpload(CurrentUser organizer, ConfirmCoverUpload confirm) {
        Event event = events.requireOwned(organizer, confirm.eventId());
        event.requireChangeable();
        String uploadKey = uploadKey(event.id(), confirm.uploadId());
        long size = store.uploadSize(uploadKey).orElseThrow(() -> noUpload(confirm));
        byte[] content;
        ImageType type;
        try {
            requireSmallEnough(size);
            // one byte more than allowed tells a file that grew since it was measured
            content = store.readUpload(uploadKey, RequestCoverUpload.MAX_BYTES + 1).orElseThrow(() -> noUpload(confirm));
            requireSmallEnough(content.length);
            type = ImageType.detect(content).orElseThrow(() -> InvalidInput.of("uploadId",
                    "the uploaded file is not a JPEG, PNG or WebP image (judged by its content, not its declared type)"));
        } catch (InvalidInput rejected) {
            store.deleteUpload(uploadKey);
            throw rejected;
        }
        String url = store.publish("covers/" + sha256(content) + "." + type.extension(), content, type);
        Event changed = events.setCover(organizer, event.id(), url);
        store.deleteUpload(uploadKey);
        return changed;
    }

    static String uploadKey(String eventId, String uploadId) {
        return "covers/" + eventId + "/" + uploadId;
    }

    private static void requireSmallEnough(long size) {
        if (size > RequestCoverUpload.MAX_BYTES) {
            throw InvalidInput.of("uploadId", "the uploaded file has " + size + " bytes; a cover may have at most "
                    + RequestCoverUpload.MAX_BYTES + " (5 MiB)");
        }
    }

    private static NotFound noUpload(ConfirmCoverUpload confirm) {
        return new NotFound("No upload " + confirm.uploadId() + " for this event: PUT the file to the ticket's URL first. "
                + "An upload is gone once it has been confirmed or rejected.");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
