package dev.kippu.contract;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.graphql.test.tester.GraphQlTester;

import dev.kippu.local.CognitoStandIn;
import dev.kippu.local.LocalDirectory;
import dev.kippu.local.UserPool;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's demo data, made through the public API as the web front end would (so any
 * running Kippu can be seeded: in-process, the AOT recipe, a container): an organizer, two
 * attendees, six upcoming events (one a draft, one with a cover image), a few bookings. Then the
 * stack file {@code .kippu/local-stack.json}: endpoints, ids, the users with passwords and fresh
 * access tokens, and the settings the contract suite reads to run against this stack.
 */
public final class DemoStack {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final List<DemoUser> USERS = List.of(
            new DemoUser("organizer@kippu.dev", "Kippu-Organizer-1", "Aiko Organizer", true),
            new DemoUser("hana@kippu.dev", "Kippu-Attendee-1", "Hana Attendee", false),
            new DemoUser("ken@kippu.dev", "Kippu-Attendee-2", "Ken Attendee", false));

    private DemoStack() {
    }

    /** Seeds the Kippu at {@code baseUrl}, writes the stack file and returns the text to show people. */
    public static String seed(URI baseUrl) throws IOException, InterruptedException {
        KippuStandIns standIns = KippuStandIns.shared();
        UserPool pool = standIns.cognito();
        for (DemoUser user : USERS) {
            if (user.organizer()) {
                pool.createUser(user.email(), user.password(), user.name(), CognitoStandIn.ORGANIZERS);
            } else {
                pool.createUser(user.email(), user.password(), user.name());
            }
        }
        KippuApi api = KippuApi.at(baseUrl);
        GraphQlTester organizer = api.withToken(tokenOf(pool, USERS.get(0)));
        List<String> published = List.of(
                event(organizer, "Shibuya Jazz Night", "Blue Note Tokyo", 14, 19, 120),
                event(organizer, "Kabuki for Beginners", "Kabukiza Theatre, Ginza", 21, 14, 300),
                event(organizer, "Spring Boot Meetup Tokyo", "Shibuya Stream Hall", 9, 19, 80),
                event(organizer, "Flash Sale: Idol Live", "Nippon Budokan", 30, 18, 50),
                event(organizer, "Sumida River Fireworks Cruise", "Asakusa Pier", 45, 19, 40));
        published.forEach(id -> organizer.documentName("publishEvent").variable("id", id).execute()
                .path("publishEvent.status").entity(String.class).isEqualTo("PUBLISHED"));
        event(organizer, "Winter Lantern Walk (draft)", "Kyoto Higashiyama", 60, 17, 200);
        uploadCover(organizer, published.getFirst());
        book(api.withToken(tokenOf(pool, USERS.get(1))), published.getFirst(), 2);
        book(api.withToken(tokenOf(pool, USERS.get(2))), published.get(1), 4);

        Map<String, String> settings = standIns.properties();
        Map<String, Object> stack = new LinkedHashMap<>();
        stack.put("graphql", api.endpoint().toString());
        stack.put("graphiql", api.http().uri("/graphiql").toString());
        stack.put("health", api.http().uri("/actuator/health/readiness").toString());
        stack.put("cognito", Map.of("endpoint", pool.endpoint(), "userPoolId", pool.userPoolId(), "clientId", pool.clientId(),
                "issuer", pool.issuer(), "authFlow", "USER_PASSWORD_AUTH"));
        stack.put("dynamodb", Map.of("endpoint", settings.get("kippu.aws.endpoints.dynamodb")));
        stack.put("s3", Map.of("endpoint", settings.get("kippu.aws.endpoints.s3"), "uploadsBucket", settings.get("kippu.media.uploads-bucket"),
                "mediaBucket", settings.get("kippu.media.media-bucket"), "publicBaseUrl", standIns.mediaBaseUrl()));
        stack.put("sqs", Map.of("endpoint", settings.get("kippu.aws.endpoints.sqs")));
        String mailViewer = standIns.sesEndpoint() + "/";
        stack.put("mail", Map.of("viewer", mailViewer, "json", standIns.sesEndpoint() + "/store"));
        stack.put("users", USERS.stream().map(user -> Map.of("email", user.email(), "password", user.password(),
                "role", user.organizer() ? "ORGANIZER" : "ATTENDEE", "accessToken", tokenOf(pool, user))).toList());
        // what the contract suite reads to run against this stack (-Dkippu.test.base-url)
        stack.put("settings", settings);
        Path file = LocalDirectory.path().getParent().resolve(".kippu/local-stack.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(stack) + "\n");

        StringBuilder banner = new StringBuilder("\n\n  Kippu is running locally\n\n");
        if (api.http().get("/graphiql").statusCode() < 400) { // not with Spring AOT, which fixed GraphiQL off at build time
            banner.append("  GraphiQL   ").append(stack.get("graphiql")).append("\n");
        }
        banner.append("  GraphQL    ").append(stack.get("graphql")).append("\n")
                .append("  E-mails    ").append(mailViewer).append("  (what Kippu sent)\n\n")
                .append("  Demo users (password):\n");
        USERS.forEach(user -> banner.append("    ").append(user.organizer() ? "organizer " : "attendee  ")
                .append(user.email()).append("  (").append(user.password()).append(")\n"));
        return banner.append("\n  Endpoints, ids and access tokens for them: ").append(file)
                .append("\n  In GraphiQL, add the header {\"Authorization\": \"Bearer <accessToken>\"}. Ctrl-C stops everything.\n")
                .toString();
    }

    private static String tokenOf(UserPool pool, DemoUser user) {
        return pool.signIn(user.email(), user.password()).accessToken();
    }

    private static String event(GraphQlTester organizer, String title, String venue, int daysAhead, int hour, int capacity) {
        ZonedDateTime startsAt = LocalDate.now(TOKYO).plusDays(daysAhead).atTime(LocalTime.of(hour, 0)).atZone(TOKYO);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("title", title);
        input.put("description", "A Kippu demo event: " + title + ".");
        input.put("venue", venue);
        input.put("startsAt", startsAt.toInstant().toString());
        input.put("endsAt", startsAt.plus(Duration.ofHours(3)).toInstant().toString());
        input.put("capacity", capacity);
        return organizer.documentName("createEvent").variable("input", input).execute().path("createEvent.id").entity(String.class).get();
    }

    private static void book(GraphQlTester attendee, String eventId, int quantity) {
        attendee.documentName("bookSeats").variable("input", Map.of("eventId", eventId, "quantity", quantity, "idempotencyKey", "demo-" + UUID.randomUUID()))
                .execute().path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
    }

    /** The way the web front end sets a cover: ask for a ticket, PUT the file to its URL, confirm. */
    private static void uploadCover(GraphQlTester organizer, String eventId) throws IOException, InterruptedException {
        byte[] png = coverImage();
        GraphQlTester.Response ticket = organizer.documentName("requestCoverUpload").variable("eventId", eventId)
                .variable("contentType", "image/png").variable("contentLength", png.length).execute();
        String url = ticket.path("requestCoverUpload.url").entity(String.class).get();
        String method = ticket.path("requestCoverUpload.method").entity(String.class).get();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.ofByteArray(png));
        ticket.path("requestCoverUpload.headers").entityList(Header.class).get().stream()
                .filter(header -> !header.name().equalsIgnoreCase("content-length")) // java.net.http sets it from the body
                .forEach(header -> put.header(header.name(), header.value()));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the demo cover upload failed: HTTP " + response.statusCode() + " " + response.body());
            }
        }
        organizer.documentName("confirmCoverUpload").variable("eventId", eventId)
                .variable("uploadId", ticket.path("requestCoverUpload.uploadId").entity(String.class).get()).execute()
                .path("confirmCoverUpload.coverImageUrl").hasValue();
    }

    /** A 1200×630 night-blue gradient with a few warm "stage lights": drawn, so no font is needed. */
    private static byte[] coverImage() {
        BufferedImage image = new BufferedImage(1200, 630, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(0x0B1A3A), 1200, 630, new Color(0x5B2A86)));
            g.fillRect(0, 0, 1200, 630);
            for (int i = 0; i < 5; i++) {
                g.setColor(new Color(255, 190 - i * 20, 60, 90));
                g.fillOval(120 + i * 220, 380 - (i % 2) * 60, 160, 160);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private record Header(String name, String value) {
    }

    private record DemoUser(String email, String password, String name, boolean organizer) {
    }
}
