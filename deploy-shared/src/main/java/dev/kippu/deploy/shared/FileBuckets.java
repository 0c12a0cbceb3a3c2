package dev.kippu.deploy.shared;

import java.util.List;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The buckets: uploads (private; browsers write to it through presigned PUTs only, the application
 * reads and deletes; abandoned uploads expire after a day), media (published covers, read by
 * CloudFront only), web (the static export of the front end, read by CloudFront only) and the access
 * logs of all of them and of the distribution. All encrypted (SSE-S3), SSL-only, public access blocked.
 */
public class FileBuckets extends Construct {

    /** How long an upload nobody confirmed stays; presigned PUTs are valid for minutes (app: kippu.media.upload-expiry). */
    static final Duration ABANDONED_UPLOAD_EXPIRY = Duration.days(1);
    static final Duration ACCESS_LOG_EXPIRY = Duration.days(90);

    private final Bucket accessLogs;
    private final Bucket uploads;
    private final Bucket media;
    private final Bucket web;

    public FileBuckets(Construct scope, String id, Props props) {
        super(scope, id);
        // ACLs on: CloudFront's standard logs are written with them
        accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-logs").expiration(ACCESS_LOG_EXPIRY).build()))
                .removalPolicy(removal(props))
                .autoDeleteObjects(!props.retain())
                .build();
        uploads = Bucket.Builder.create(this, "Uploads")
                .bucketName(props.uploadsBucketName())
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-abandoned-uploads")
                        .expiration(ABANDONED_UPLOAD_EXPIRY)
                        .abortIncompleteMultipartUploadAfter(ABANDONED_UPLOAD_EXPIRY)
                        .build()))
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("s3/uploads/")
                .removalPolicy(removal(props))
                .autoDeleteObjects(!props.retain())
                .build();
        media = privateBucket("Media", "s3/media/", props);
        web = privateBucket("Web", "s3/web/", props);
    }

    private Bucket privateBucket(String id, String logPrefix, Props props) {
        return Bucket.Builder.create(this, id)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix(logPrefix)
                .removalPolicy(removal(props))
                .autoDeleteObjects(!props.retain())
                .build();
    }

    private static RemovalPolicy removal(Props props) {
        return props.retain() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }

    /**
     * Lets pages from {@code origins} PUT to presigned upload URLs: the browser sends the signed
     * {@code Content-Type} (and the length it must), and reads the ETag back. Nothing else crosses origins.
     */
    public void allowBrowserUploadsFrom(List<String> origins) {
        uploads.addCorsRule(CorsRule.builder()
                .id("browser-presigned-put")
                .allowedMethods(List.of(HttpMethods.PUT))
                .allowedOrigins(origins)
                .allowedHeaders(List.of("content-type", "content-length", "x-amz-*"))
                .exposedHeaders(List.of("ETag"))
                .maxAge(3000)
                .build());
    }

    public Bucket accessLogs() {
        return accessLogs;
    }

    public Bucket uploads() {
        return uploads;
    }

    public Bucket media() {
        return media;
    }

    public Bucket web() {
        return web;
    }

    /**
     * @param uploadsBucketName the uploads bucket's name, known before the bucket exists: the site's
     *                          content security policy names it, and the bucket's CORS names the site
     * @param retain            keep the buckets (and what is in them) when the stack goes; otherwise they are emptied and deleted
     */
    public record Props(String uploadsBucketName, boolean retain) {
    }
}
