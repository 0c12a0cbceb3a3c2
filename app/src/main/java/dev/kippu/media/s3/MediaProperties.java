package dev.kippu.media.s3;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where cover images are kept.
 *
 * @param uploadsBucket  private bucket that presigned PUTs write to (in AWS: expire its objects after a day)
 * @param mediaBucket    bucket of published images, read by the CDN only
 * @param publicBaseUrl  where the media bucket's objects are served: the CloudFront distribution in AWS,
 *                       {@code <s3 endpoint>/<media bucket>} with the local stand-in
 * @param uploadExpiry   how long an upload URL stays valid
 * @param cacheControl   the {@code Cache-Control} of published images (their names change with their content)
 */
@ConfigurationProperties("kippu.media")
public record MediaProperties(
        String uploadsBucket,
        String mediaBucket,
        String publicBaseUrl,
        @DefaultValue("5m") Duration uploadExpiry,
        @DefaultValue("public, max-age=31536000, immutable") String cacheControl) {

    public MediaProperties {
        if (uploadExpiry.isNegative() || uploadExpiry.isZero() || uploadExpiry.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("kippu.media.upload-expiry must be more than 0 and at most 7 days (SigV4's limit), not " + uploadExpiry);
        }
    }
}
