package dev.kippu.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The image formats a cover may have, told apart by their first bytes. */
public enum ImageType {

    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP_FORM = {'W', 'E', 'B', 'P'};

    private final String mediaType;
    private final String extension;

    ImageType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The type a client names ({@code image/png}, case-insensitive), if it is one of these. */
    public static Optional<ImageType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String wanted = mediaType.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(wanted)).findFirst();
    }

    /**
     * What the content is, judged by its signature alone: JPEG {@code FF D8 FF}, PNG {@code 89 'PNG' 0D 0A 1A 0A},
     * WebP {@code 'RIFF' <4-byte size> 'WEBP'}. Whatever the uploader claimed does not count.
     */
    public static Optional<ImageType> detect(byte[] content) {
        if (startsWith(content, 0, JPEG_START)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP_FORM)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The types for messages: {@code image/jpeg, image/png or image/webp}. */
    static String allowed() {
        return "image/jpeg, image/png or image/webp";
    }

    private static boolean startsWith(byte[] content, int offset, byte[] expected) {
        return content != null && content.length >= offset + expected.length
                && Arrays.equals(content, offset, offset + expected.length, expected, 0, expected.length);
    }
}
