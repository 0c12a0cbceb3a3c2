package dev.kippu.media;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where cover images go: a private area that accepts uploads through presigned requests, and a public one
 * that serves published images to everyone (through a CDN). Objects are named by the caller.
 */
public interface CoverStore {

    /** A PUT of exactly {@code contentLength} bytes of type {@code type} to the private object {@code uploadKey}, valid for a short while. */
    PresignedUpload presignUpload(String uploadKey, ImageType type, int contentLength);

    /** The size of the uploaded object, or empty if there is none. */
    OptionalLong uploadSize(String uploadKey);

    /** At most the first {@code maxBytes} bytes of the uploaded object, or empty if there is none. */
    Optional<byte[]> readUpload(String uploadKey, int maxBytes);

    /** Removes the uploaded object; nothing happens if there is none. */
    void deleteUpload(String uploadKey);

    /**
     * Stores {@code content} publicly under {@code name}, served as {@code type} and cacheable for good (a
     * name must therefore never get other content), and returns the URL it is served at.
     */
    String publish(String name, byte[] content, ImageType type);
}
