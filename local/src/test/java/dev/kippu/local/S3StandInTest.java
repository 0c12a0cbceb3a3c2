package dev.kippu.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** The S3 stand-in: what Kippu relies on (buckets, presigned PUT, public GET, loopback only) and what it does not check. */
class S3StandInTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static S3StandIn s3;
    private static S3Presigner presigner;

    @BeforeAll
    static void start() {
        s3 = S3StandIn.start();
        presigner = S3Presigner.builder()
                .endpointOverride(URI.create(s3.endpoint()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void stop() {
        presigner.close();
        s3.close();
    }

    @Test
    void bothBucketsExistAndStartEmpty() {
        assertThat(s3.client().listBuckets().buckets()).extracting(b -> b.name())
                .containsExactlyInAnyOrder(S3StandIn.UPLOADS_BUCKET, S3StandIn.MEDIA_BUCKET);
        assertThat(s3.client().listObjectsV2(r -> r.bucket(s3.uploadsBucket())).contents()).isEmpty();
    }

    @Test
    void aPresignedPutStoresTheObjectAndTheMediaBucketServesUnsignedGets() throws Exception {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> put = HTTP.send(presignedPut(s3.uploadsBucket(), "a/b", "text/plain", body).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(s3.client().getObjectAsBytes(r -> r.bucket(s3.uploadsBucket()).key("a/b")).asByteArray()).isEqualTo(body);

        s3.client().putObject(r -> r.bucket(s3.mediaBucket()).key("c.txt").contentType("text/plain").cacheControl("max-age=60"), RequestBody.fromBytes(body));
        HttpResponse<byte[]> get = HTTP.send(HttpRequest.newBuilder(URI.create(s3.publicBaseUrl() + "/c.txt")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(body);
        assertThat(get.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(get.headers().firstValue("Cache-Control")).hasValue("max-age=60");

        s3.client().deleteObject(r -> r.bucket(s3.uploadsBucket()).key("a/b"));
        assertThatThrownBy(() -> s3.client().headObject(r -> r.bucket(s3.uploadsBucket()).key("a/b"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void itListensOnLoopbackOnly() throws IOException {
        int port = URI.create(s3.endpoint()).getPort();
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst();
        if (external.isEmpty()) {
            return; // no other interface to try on this machine
        }
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), port), 1000)).isInstanceOf(IOException.class);
        }
    }

    /** Known gap: S3 refuses a body whose length or type differs from the signed headers, or a bad signature; S3Mock does not. */
    @Test
    void itDoesNotCheckSignaturesOrTheSignedHeaders() throws Exception {
        HttpRequest.Builder tampered = presignedPut(s3.uploadsBucket(), "d", "image/png", new byte[10]);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tampered.build().uri().toString().replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=00")))
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[20]))
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private static HttpRequest.Builder presignedPut(String bucket, String key, String contentType, byte[] body) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(p -> p.bucket(bucket).key(key).contentType(contentType).contentLength((long) body.length)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(presigned.url().toString())).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        presigned.signedHeaders().forEach((name, values) -> {
            if (!List.of("host", "content-length").contains(name.toLowerCase())) {
                request.header(name, String.join(",", values));
            }
        });
        return request;
    }
}
