package dev.kippu;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.kippu.account.CurrentUser;
import dev.kippu.account.Role;
import dev.kippu.booking.BookSeats;
import dev.kippu.booking.BookingService;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.event.CreateEvent;
import dev.kippu.event.Event;
import dev.kippu.event.EventService;
import dev.kippu.local.CognitoStandIn;
import dev.kippu.local.LocalDirectory;
import dev.kippu.local.UserPool;
import dev.kippu.media.ConfirmCoverUpload;
import dev.kippu.media.CoverService;
import dev.kippu.media.RequestCoverUpload;
import dev.kippu.media.UploadTicket;
import dev.kippu.platform.dynamo.DynamoDbProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data for the local stack: an organizer, two attendees, six upcoming events (one a draft, one
 * with a cover image), a few bookings. The endpoints, ids and users (with passwords and fresh access tokens) are written
 * to {@code .kippu/local-stack.json} for scripts, and printed for people.
 */
@TestConfiguration(proxyBeanMethods = false)
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Bean
    ApplicationRunner seedDemoData(EventService events, BookingService bookings, CoverService covers, WebServerApplicationContext web,
                                   DynamoDbProperties table, JsonMapper json) {
        return (ApplicationArguments args) -> {
            KippuStandIns standIns = KippuStandIns.shared();
            UserPool cognito = standIns.cognito();
            List<DemoUser> users = List.of(
                    new DemoUser("organizer@kippu.dev", "Kippu-Organizer-1", "Aiko Organizer", true),
                    new DemoUser("hana@kippu.dev", "Kippu-Attendee-1", "Hana Attendee", false),
                    new DemoUser("ken@kippu.dev", "Kippu-Attendee-2", "Ken Attendee", false));
            List<CurrentUser> signedIn = new ArrayList<>();
            for (DemoUser user : users) {
                String id = user.organizer()
                        ? cognito.createUser(user.email(), user.password(), user.name(), CognitoStandIn.ORGANIZERS)
                        : cognito.createUser(user.email(), user.password(), user.name());
                signedIn.add(new CurrentUser(id, id, user.organizer() ? EnumSet.allOf(Role.class) : EnumSet.of(Role.ATTENDEE)));
            }
            CurrentUser organizer = signedIn.getFirst();
            List<Event> created = List.of(
                    event(events, organizer, "Shibuya Jazz Night", "Blue Note Tokyo", 14, 19, 120),
                    event(events, organizer, "Kabuki for Beginners", "Kabukiza Theatre, Ginza", 21, 14, 300),
                    event(events, organizer, "Spring Boot Meetup Tokyo", "Shibuya Stream Hall", 9, 19, 80),
                    event(events, organizer, "Flash Sale: Idol Live", "Nippon Budokan", 30, 18, 50),
                    event(events, organizer, "Sumida River Fireworks Cruise", "Asakusa Pier", 45, 19, 40));
            created.forEach(event -> events.publish(organizer, event.id()));
            event(events, organizer, "Winter Lantern Walk (draft)", "Kyoto Higashiyama", 60, 17, 200);
            uploadCover(covers, organizer, created.getFirst().id());
            bookings.book(signedIn.get(1), new BookSeats(created.getFirst().id(), 2, "demo-" + UUID.randomUUID()));
            bookings.book(signedIn.get(2), new BookSeats(created.get(1).id(), 4, "demo-" + UUID.randomUUID()));

            String baseUrl = "http://localhost:" + web.getWebServer().getPort();
            Map<String, Object> stack = new LinkedHashMap<>();
            stack.put("graphql", baseUrl + "/graphql");
            stack.put("graphiql", baseUrl + "/graphiql");
            stack.put("health", baseUrl + "/actuator/health/readiness");
            stack.put("cognito", Map.of("endpoint", cognito.endpoint(), "userPoolId", cognito.userPoolId(),
                    "clientId", cognito.clientId(), "issuer", cognito.issuer(), "authFlow", "USER_PASSWORD_AUTH"));
            Map<String, String> settings = standIns.properties();
            stack.put("dynamodb", Map.of("endpoint", settings.get("kippu.aws.endpoints.dynamodb"), "table", table.tableName()));
            stack.put("s3", Map.of("endpoint", settings.get("kippu.aws.endpoints.s3"), "uploadsBucket", settings.get("kippu.media.uploads-bucket"),
                    "mediaBucket", settings.get("kippu.media.media-bucket"), "publicBaseUrl", standIns.mediaBaseUrl()));
            stack.put("sqs", Map.of("endpoint", settings.get("kippu.aws.endpoints.sqs")));
            String mailViewer = standIns.sesEndpoint() + "/";
            stack.put("mail", Map.of("viewer", mailViewer, "json", standIns.sesEndpoint() + "/store"));
            stack.put("users", users.stream().map(user -> Map.of("email", user.email(), "password", user.password(),
                    "role", user.organizer() ? "ORGANIZER" : "ATTENDEE",
                    "accessToken", cognito.signIn(user.email(), user.password()).accessToken())).toList());
            // what the contract suite reads to run against this stack (-Dkippu.test.base-url)
            stack.put("settings", settings);
            Path file = LocalDirectory.path().getParent().resolve(".kippu/local-stack.json");
            write(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(stack));

            StringBuilder banner = new StringBuilder("\n\n  Kippu is running locally\n\n")
                    .append("  GraphiQL   ").append(baseUrl).append("/graphiql\n")
                    .append("  GraphQL    ").append(baseUrl).append("/graphql\n")
                    .append("  E-mails    ").append(mailViewer).append("  (what Kippu sent)\n\n")
                    .append("  Demo users (password):\n");
            users.forEach(user -> banner.append("    ").append(user.organizer() ? "organizer " : "attendee  ")
                    .append(user.email()).append("  (").append(user.password()).append(")\n"));
            banner.append("\n  Endpoints, ids and access tokens for them: ").append(file)
                    .append("\n  In GraphiQL, add the header {\"Authorization\": \"Bearer <accessToken>\"}. Ctrl-C stops everything.\n");
            log.info(banner.toString());
        };
    }

    private static Event event(EventService events, CurrentUser organizer, String title, String venue, int daysAhead, int hour, int capacity) {
        Instant startsAt = LocalDate.now(TOKYO).plusDays(daysAhead).atTime(LocalTime.of(hour, 0)).atZone(TOKYO).toInstant();
        return events.create(organizer, new CreateEvent(title, "A Kippu demo event: " + title + ".", venue,
                startsAt, startsAt.plus(Duration.ofHours(3)), capacity));
    }

    /** The way the web front end sets a cover: ask for a ticket, PUT the file to its URL, confirm. */
    private static void uploadCover(CoverService covers, CurrentUser organizer, String eventId) throws IOException, InterruptedException {
        byte[] png = coverImage();
        UploadTicket ticket = covers.requestUpload(organizer, new RequestCoverUpload(eventId, "image/png", png.length));
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.url())).method(ticket.method(), HttpRequest.BodyPublishers.ofByteArray(png));
        ticket.headers().stream().filter(header -> !header.name().equalsIgnoreCase("content-length")) // java.net.http sets it from the body
                .forEach(header -> put.header(header.name(), header.value()));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the demo cover upload failed: HTTP " + response.statusCode() + " " + response.body());
            }
        }
        covers.confirmUpload(organizer, new ConfirmCoverUpload(eventId, ticket.uploadId()));
    }

    /** A 1200×630 night-blue gradient with a few warm "stage lights": drawn, so no font is needed. */
    private static byte[] coverImage() throws IOException {
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
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record DemoUser(String email, String password, String name, boolean organizer) {
    }
}
