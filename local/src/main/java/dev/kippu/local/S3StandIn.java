package dev.kippu.local;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Mock (Adobe's S3 stand-in, a Spring Boot application) as a child process on free loopback ports, with
 * Kippu's two buckets: private uploads and public media. It keeps its objects in a folder of its temporary
 * directory, so every start is empty. S3Mock serves unsigned GETs, so the media bucket's URL stands in for
 * the CDN in front of it in AWS.
 *
 * <p>S3Mock implements S3's operations but checks no signatures: presigned URLs work, but neither their
 * expiry nor the headers they are bound to are enforced.
 */
public final class S3StandIn implements AutoCloseable {

    public static final String UPLOADS_BUCKET = "kippu-uploads";
    public static final String MEDIA_BUCKET = "kippu-media";

    /** S3Mock's jar, copied here by the build of this module (see its pom). */
    private static final String JAR = "target/stand-ins/s3mock.jar";
    /** Moves S3Mock's plain-HTTP connector onto 127.0.0.1 (see the file). */
    private static final String LOOPBACK_CONNECTOR = "classpath:dev/kippu/local/s3mock-loopback.xml";

    private final StandInProcess process;
    private final S3Client client;

    private S3StandIn(StandInProcess process) {
        this.process = process;
        this.client = LocalClients.at(process.endpoint(), S3Client.builder()).forcePathStyle(true).build();
        for (String bucket : List.of(UPLOADS_BUCKET, MEDIA_BUCKET)) {
            client.createBucket(r -> r.bucket(bucket));
        }
    }

    public static S3StandIn start() {
        int port = StandInProcess.freePort();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", ownLocation() + File.pathSeparator + jar(),
                ExitWithParent.class.getName(), "org.springframework.boot.loader.launch.JarLauncher",
                "--http.port=" + port,
                // the HTTPS connector (S3Mock's main one, self-signed): unused, but on a free loopback port too
                "--server.port=" + StandInProcess.freePort(),
                "--server.address=127.0.0.1",
                "--spring.main.sources=" + LOOPBACK_CONNECTOR,
                "--spring.main.allow-bean-definition-overriding=true",
                "--spring.main.banner-mode=off",
                // relative to the process's working directory, StandInProcess's temporary directory
                "--com.adobe.testing.s3mock.store.root=store");
        return StandInProcess.start("s3mock", command, Map.of(), port, Duration.ofSeconds(60)).wrap(S3StandIn::new);
    }

    /** {@code http://127.0.0.1:<port>}, for {@code endpointOverride} with path-style access. */
    public String endpoint() {
        return process.endpoint();
    }

    public String uploadsBucket() {
        return UPLOADS_BUCKET;
    }

    public String mediaBucket() {
        return MEDIA_BUCKET;
    }

    /** Where the media bucket's objects are read without credentials, as through the CDN in AWS. */
    public String publicBaseUrl() {
        return endpoint() + "/" + MEDIA_BUCKET;
    }

    /** A client for this stand-in (path-style, us-east-1, dummy static credentials); owned by the stand-in, closed with it. */
    public S3Client client() {
        return client;
    }

    /** The stand-in's log file (its stdout and stderr). */
    public Path log() {
        return process.log();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            process.close();
        }
    }

    /** {@code -Dkippu.s3mock.jar} if set, else the copy the build of {@code local/} made. */
    static Path jar() {
        String configured = System.getProperty("kippu.s3mock.jar");
        Path jar = configured != null ? Path.of(configured).toAbsolutePath() : LocalDirectory.path().resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock's jar is missing at " + jar + ": build the local module first ('./mvnw -pl local generate-resources'; ./kippu does it for you)");
        }
        return jar;
    }

    /** The folder or jar this class was loaded from: it holds {@link ExitWithParent} and the loopback connector. */
    private static Path ownLocation() {
        try {
            return Path.of(S3StandIn.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where the kippu-local classes were loaded from", e);
        }
    }
}
