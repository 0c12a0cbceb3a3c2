package dev.kippu.contract.media;

import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import dev.kippu.contract.ContractTest;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.local.S3StandIn;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Event covers: a presigned PUT straight to the private uploads bucket, then a confirmation that checks
 * what arrived and publishes it. The S3 stand-in checks no signatures, so what S3 itself enforces on the
 * PUT (expiry, the signed type and length) is shown only by what the URL asks for.
 */
@ContractTest
class CoverUploadTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private static TestUser organizer;
    private static TestUser otherOrganizer;
    private static TestUser attendee;

    private final KippuApi api;

    CoverUploadTest(KippuApi api) {
        this.api = api;
    }

    @BeforeAll
    static void users() {
        organizer = TestUsers.organizer();
        otherOrganizer = TestUsers.organizer();
        attendee = TestUsers.attendee();
    }


    @Test
    void anOrganizerUploadsACoverAndEveryoneSeesIt() throws Exception {
        String eventId = published(api.as(organizer), 10);
        byte[] png = png(Color.ORANGE);
        Ticket ticket = requestUpload(eventId, "image/png", png.length);

        assertThat(ticket.method()).isEqualTo("PUT");
        assertThat(put(ticket, png).statusCode()).isEqualTo(200);
        assertThat(uploadExists(eventId, ticket.uploadId())).isTrue();

        String url = confirm(eventId, ticket.uploadId()).path("confirmCoverUpload.coverImageUrl").entity(String.class).get();
        assertThat(url).isEqualTo(KippuStandIns.shared().mediaBaseUrl() + "/covers/" + sha256(png) + ".png");
        api.anonymous().documentName("event").variable("id", eventId).execute()
                .path("event.coverImageUrl").entity(String.class).isEqualTo(url);

        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(png);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000"));
        assertThat(uploadExists(eventId, ticket.uploadId())).as("the upload is removed once published").isFalse();
    }

    @Test
    void theUploadUrlIsBoundToTheTypeAndLengthAndExpiresWithinFiveMinutes() {
        String eventId = published(api.as(organizer), 10);
        Instant before = Instant.now();
        Ticket ticket = requestUpload(eventId, "image/webp", 1234);

        URI url = URI.create(ticket.url());
        Map<String, String> query = Arrays.stream(url.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        assertThat(url.getPath()).isEqualTo("/" + S3StandIn.UPLOADS_BUCKET + "/covers/" + eventId + "/" + ticket.uploadId());
        assertThat(query.get("X-Amz-SignedHeaders").split(";")).contains("content-type", "content-length", "host");
        assertThat(Integer.parseInt(query.get("X-Amz-Expires"))).isPositive().isLessThanOrEqualTo(300);
        assertThat(ticket.expiresAt()).isAfter(before).isBeforeOrEqualTo(Instant.now().plusSeconds(300));
        assertThat(ticket.headers()).containsOnly(Map.entry("content-type", "image/webp"), Map.entry("content-length", "1234"));
        assertThat(UUID.fromString(ticket.uploadId())).isNotNull();
        assertThat(requestUpload(eventId, "image/webp", 1234).uploadId()).as("every ticket has its own upload id").isNotEqualTo(ticket.uploadId());
    }

    @Test
    void onlyTheEventsOrganizerRequestsOrConfirmsAnUpload() throws Exception {
        String eventId = published(api.as(organizer), 10);
        byte[] png = png(Color.BLUE);
        Ticket ticket = requestUpload(eventId, "image/png", png.length);
        put(ticket, png);

        for (TestUser stranger : List.of(otherOrganizer, attendee)) {
            expectError(api.as(stranger).documentName("requestCoverUpload").variable("eventId", eventId)
                    .variable("contentType", "image/png").variable("contentLength", 10).execute(), "FORBIDDEN");
            expectError(confirmAs(stranger, eventId, ticket.uploadId()), "FORBIDDEN");
        }
        expectError(api.anonymous().documentName("confirmCoverUpload").variable("eventId", eventId).variable("uploadId", ticket.uploadId()).execute(),
                "UNAUTHENTICATED");
        assertThat(uploadExists(eventId, ticket.uploadId())).as("a stranger's attempt leaves the upload alone").isTrue();
        assertThat(cover(eventId)).isNull();

        confirm(eventId, ticket.uploadId()).path("confirmCoverUpload.coverImageUrl").entity(String.class).satisfies(url -> assertThat(url).endsWith(".png"));
    }

    @Test
    void aTicketIsOnlyForAnImageTypeAndOneByteToFiveMebibytes() {
        String eventId = published(api.as(organizer), 10);
        expectBadRequest(eventId, "image/gif", 100, "contentType");
        expectBadRequest(eventId, "text/html", 100, "contentType");
        expectBadRequest(eventId, "image/png", MAX_BYTES + 1, "contentLength");
        expectBadRequest(eventId, "image/png", 0, "contentLength");
        expectBadRequest(eventId, "image/png", -5, "contentLength");
        api.as(organizer).documentName("requestCoverUpload").variable("eventId", eventId)
                .variable("contentType", "image/svg+xml").variable("contentLength", 0).execute()
                .errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))
                        && fields(error.getExtensions()).containsAll(List.of("contentType", "contentLength"))).verify();
        requestUpload(eventId, "image/jpeg", MAX_BYTES);
    }

    @Test
    void confirmingWithoutAnUploadIsNotFound() {
        String eventId = published(api.as(organizer), 10);
        Ticket ticket = requestUpload(eventId, "image/png", 100);
        expectError(confirm(eventId, ticket.uploadId()), "NOT_FOUND");
        expectError(confirm(eventId, UUID.randomUUID().toString()), "NOT_FOUND");
        confirm(eventId, "../../" + UUID.randomUUID()).errors()
                .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code")) && fields(error.getExtensions()).contains("uploadId")).verify();
        expectError(confirm(UUID.randomUUID().toString(), ticket.uploadId()), "NOT_FOUND");
    }

    @Test
    void aTextFileSentAsAPngIsRefusedAndTheOldCoverStays() throws Exception {
        String eventId = published(api.as(organizer), 10);
        String oldCover = uploadAndConfirm(eventId, png(Color.GREEN));

        byte[] text = "#!/bin/sh\necho this is not an image\n".getBytes(StandardCharsets.UTF_8);
        Ticket ticket = requestUpload(eventId, "image/png", text.length);
        assertThat(put(ticket, text).statusCode()).isEqualTo(200);
        confirm(eventId, ticket.uploadId()).errors()
                .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code")) && fields(error.getExtensions()).contains("uploadId")).verify();

        assertThat(cover(eventId)).isEqualTo(oldCover);
        assertThat(uploadExists(eventId, ticket.uploadId())).as("a rejected upload is removed").isFalse();
        assertThat(isPublished("covers/" + sha256(text) + ".png")).as("nothing is published").isFalse();
    }

    @Test
    void anObjectOverFiveMebibytesIsRefusedWhateverTheTicketSaid() throws Exception {
        String eventId = published(api.as(organizer), 10);
        String oldCover = uploadAndConfirm(eventId, png(Color.RED));
        Ticket ticket = requestUpload(eventId, "image/png", MAX_BYTES);
        // S3 would refuse a body longer than the signed length; write it past the ticket, straight to the bucket
        byte[] tooLarge = Arrays.copyOf(png(Color.RED), MAX_BYTES + 1);
        KippuStandIns.shared().s3().putObject(r -> r.bucket(S3StandIn.UPLOADS_BUCKET).key(uploadKey(eventId, ticket.uploadId()))
                .contentType("image/png"), RequestBody.fromBytes(tooLarge));

        confirm(eventId, ticket.uploadId()).errors()
                .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code")) && error.getMessage().contains("5 MiB")).verify();
        assertThat(cover(eventId)).isEqualTo(oldCover);
        assertThat(uploadExists(eventId, ticket.uploadId())).isFalse();
        assertThat(isPublished("covers/" + sha256(tooLarge) + ".png")).isFalse();
    }

    @Test
    void theContentDecidesTheTypeNotTheDeclaredOne() throws Exception {
        String eventId = published(api.as(organizer), 10);
        byte[] jpeg = image(Color.MAGENTA, "jpeg");
        Ticket ticket = requestUpload(eventId, "image/png", jpeg.length);
        put(ticket, jpeg);
        String url = confirm(eventId, ticket.uploadId()).path("confirmCoverUpload.coverImageUrl").entity(String.class).get();
        assertThat(url).endsWith("/covers/" + sha256(jpeg) + ".jpg");
        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void confirmingTheSameUploadAgainChangesNothing() throws Exception {
        String eventId = published(api.as(organizer), 10);
        byte[] png = png(Color.CYAN);
        Ticket ticket = requestUpload(eventId, "image/png", png.length);
        put(ticket, png);
        String url = confirm(eventId, ticket.uploadId()).path("confirmCoverUpload.coverImageUrl").entity(String.class).get();

        expectError(confirm(eventId, ticket.uploadId()), "NOT_FOUND");
        assertThat(cover(eventId)).isEqualTo(url);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body()).isEqualTo(png);
    }

    @Test
    void aCancelledEventTakesNoNewCover() throws Exception {
        String eventId = published(api.as(organizer), 10);
        byte[] png = png(Color.PINK);
        Ticket ticket = requestUpload(eventId, "image/png", png.length);
        put(ticket, png);
        api.as(organizer).documentName("cancelEvent").variable("id", eventId).execute().path("cancelEvent.status").entity(String.class).isEqualTo("CANCELLED");

        expectError(confirm(eventId, ticket.uploadId()), "CONFLICT");
        expectError(api.as(organizer).documentName("requestCoverUpload").variable("eventId", eventId)
                .variable("contentType", "image/png").variable("contentLength", 10).execute(), "CONFLICT");
        assertThat(cover(eventId)).isNull();
    }

    // --- helpers

    private record Ticket(String uploadId, String url, String method, Map<String, String> headers, Instant expiresAt) {
    }

    @SuppressWarnings("unchecked")
    private Ticket requestUpload(String eventId, String contentType, int contentLength) {
        Map<String, Object> ticket = api.as(organizer).documentName("requestCoverUpload").variable("eventId", eventId)
                .variable("contentType", contentType).variable("contentLength", contentLength).execute()
                .path("requestCoverUpload").entity(Map.class).get();
        Map<String, String> headers = ((List<Map<String, String>>) ticket.get("headers")).stream()
                .collect(Collectors.toMap(header -> header.get("name"), header -> header.get("value")));
        return new Ticket((String) ticket.get("uploadId"), (String) ticket.get("url"), (String) ticket.get("method"), headers,
                Instant.parse((String) ticket.get("expiresAt")));
    }

    /**
     * Sends the ticket's request with its headers, as a browser would. java.net.http, like browsers, sets
     * Content-Length from the body and refuses to take it as a header, so that one is checked instead.
     */
    private static HttpResponse<String> put(Ticket ticket, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ticket.url()))
                .method(ticket.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        ticket.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("content-length")) {
                assertThat(value).isEqualTo(Integer.toString(body.length));
            } else {
                request.header(name, value);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String uploadAndConfirm(String eventId, byte[] image) throws IOException, InterruptedException {
        Ticket ticket = requestUpload(eventId, "image/png", image.length);
        assertThat(put(ticket, image).statusCode()).isEqualTo(200);
        return confirm(eventId, ticket.uploadId()).path("confirmCoverUpload.coverImageUrl").entity(String.class).get();
    }

    private GraphQlTester.Response confirm(String eventId, String uploadId) {
        return confirmAs(organizer, eventId, uploadId);
    }

    private GraphQlTester.Response confirmAs(TestUser user, String eventId, String uploadId) {
        return api.as(user).documentName("confirmCoverUpload").variable("eventId", eventId).variable("uploadId", uploadId).execute();
    }

    private String cover(String eventId) {
        return api.as(organizer).documentName("event").variable("id", eventId).execute().path("event.coverImageUrl").entity(String.class).get();
    }

    private void expectBadRequest(String eventId, String contentType, int contentLength, String field) {
        api.as(organizer).documentName("requestCoverUpload").variable("eventId", eventId)
                .variable("contentType", contentType).variable("contentLength", contentLength).execute()
                .errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code")) && fields(error.getExtensions()).equals(List.of(field))).verify();
    }

    private static void expectError(GraphQlTester.Response response, String code) {
        response.errors().expect(error -> code.equals(error.getExtensions().get("code"))).verify();
    }

    private static boolean uploadExists(String eventId, String uploadId) {
        return exists(S3StandIn.UPLOADS_BUCKET, uploadKey(eventId, uploadId));
    }

    private static boolean isPublished(String key) {
        return exists(S3StandIn.MEDIA_BUCKET, key);
    }

    private static boolean exists(String bucket, String key) {
        try {
            KippuStandIns.shared().s3().headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private static String uploadKey(String eventId, String uploadId) {
        return "covers/" + eventId + "/" + uploadId;
    }

    private static byte[] png(Color color) throws IOException {
        return image(color, "png");
    }

    /** A small image of one colour plus a random pixel, so that every test uploads different bytes. */
    private static byte[] image(Color color, String format) throws IOException {
        BufferedImage image = new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 9; y++) {
                image.setRGB(x, y, color.getRGB());
            }
        }
        image.setRGB(0, 0, (int) (Math.random() * 0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> extensions) {
        return ((List<Map<String, Object>>) extensions.getOrDefault("fields", List.of())).stream().map(f -> (String) f.get("field")).toList();
    }
}
