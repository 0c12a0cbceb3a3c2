package dev.kippu.media.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Repository;

import dev.kippu.media.CoverStore;
import dev.kippu.media.ImageType;
import dev.kippu.media.PresignedUpload;
import dev.kippu.media.UploadTicket;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Covers in two S3 buckets: uploads (private; written only through presigned PUTs, read and deleted by
 * the application) and media (published images, served by the CDN). A presigned PUT signs
 * {@code Content-Type} and {@code Content-Length}, so S3 refuses a body of another type or size.
 */
@Repository
class S3CoverStore implements CoverStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final MediaProperties properties;

    S3CoverStore(S3Client s3, S3Presigner presigner, MediaProperties properties) {
        this.s3 = s3;
        this.presigner = presigner;
        this.properties = properties;
    }

    @Override
    public PresignedUpload presignUpload(String uploadKey, ImageType type, int contentLength) {
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(uploadsBucket())
                .key(uploadKey)
                .contentType(type.mediaType())
                .contentLength((long) contentLength)
                .build();
        PresignedPutObjectRequest presigned = presigner.presignPutObject(r -> r.signatureDuration(properties.uploadExpiry()).putObjectRequest(put));
        // Host is part of the URL; every other signed header must be sent as it is.
        List<UploadTicket.Header> headers = presigned.signedHeaders().entrySet().stream()
                .filter(header -> !header.getKey().equalsIgnoreCase("host"))
                .map(header -> new UploadTicket.Header(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue())))
                .sorted(Comparator.comparing(UploadTicket.Header::name))
                .toList();
        return new PresignedUpload(presigned.url().toString(), presigned.httpRequest().method().name(), headers, presigned.expiration());
    }

    @Override
    public OptionalLong uploadSize(String uploadKey) {
        try {
            return OptionalLong.of(s3.headObject(r -> r.bucket(uploadsBucket()).key(uploadKey)).contentLength());
        } catch (S3Exception e) {
            if (isNotFound(e)) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<byte[]> readUpload(String uploadKey, int maxBytes) {
        try (ResponseInputStream<GetObjectResponse> object = s3.getObject(r -> r.bucket(uploadsBucket()).key(uploadKey)
                .range("bytes=0-" + (maxBytes - 1)))) {
            byte[] content = object.readNBytes(maxBytes);
            if (object.read() >= 0) {
                object.abort(); // the range was ignored: do not read the rest
            }
            return Optional.of(content);
        } catch (S3Exception e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read upload " + uploadKey, e);
        }
    }

    @Override
    public void deleteUpload(String uploadKey) {
        s3.deleteObject(r -> r.bucket(uploadsBucket()).key(uploadKey));
    }

    @Override
    public String publish(String name, byte[] content, ImageType type) {
        s3.putObject(r -> r.bucket(mediaBucket()).key(name).contentType(type.mediaType()).cacheControl(properties.cacheControl()),
                RequestBody.fromBytes(content));
        return publicBaseUrl() + "/" + name;
    }

    private static boolean isNotFound(S3Exception e) {
        return e instanceof NoSuchKeyException || e.statusCode() == 404;
    }

    private String uploadsBucket() {
        return required(properties.uploadsBucket(), "kippu.media.uploads-bucket");
    }

    private String mediaBucket() {
        return required(properties.mediaBucket(), "kippu.media.media-bucket");
    }

    private String publicBaseUrl() {
        return required(properties.publicBaseUrl(), "kippu.media.public-base-url").replaceAll("/+$", "");
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: covers need the media buckets (KIPPU_UPLOADS_BUCKET, KIPPU_MEDIA_BUCKET, KIPPU_MEDIA_BASE_URL)");
        }
        return value;
    }
}
