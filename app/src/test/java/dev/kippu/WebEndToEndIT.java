package dev.kippu;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import dev.kippu.support.ApiTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web front end in a real browser against this application on the stand-ins, serving the
 * export as {@code ./kippu local} does ({@link LocalWebsite}): web/e2e's Playwright tests in
 * Debian's chromium, with fresh users and two events made here and handed over in
 * {@code KIPPU_E2E}. Needs the export and web/e2e's packages, which {@code ./kippu test} makes
 * before the Maven build; screenshots and failures are left in web/e2e/test-results/.
 */
@ApiTest
@Import(LocalWebsite.class)
class WebEndToEndIT {

    private static final Path E2E = Path.of("../web/e2e").toAbsolutePath().normalize();
    private static final long PATIENCE_MINUTES = 10;

    @LocalServerPort
    int port;

    @Test
    void thePagesWorkInABrowser() throws IOException, InterruptedException {
        assertThat(Path.of("../web/out/index.html")).as("the web's export: ./kippu test builds it (npm run build --prefix web)").isRegularFile();
        assertThat(E2E.resolve("node_modules/@playwright/test")).as("web/e2e's packages: ./kippu test installs them").isDirectory();
        KippuApi api = KippuApi.onLocalPort(port);
        TestUser organizer = TestUsers.organizer();
        Instant nextWeek = Instant.now().plus(7, ChronoUnit.DAYS);
        String open = published(api.as(organizer), newEvent("Browser Night " + port, 100, nextWeek));
        String soldOut = published(api.as(organizer), newEvent("Sold Out Matinee " + port, 1, nextWeek));
        TestUser booker = TestUsers.attendee();
        api.as(booker).documentName("bookSeats").variable("input", booking(soldOut, 1)).execute()
                .path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
        Map<String, Object> stack = Map.of(
                "baseUrl", "http://localhost:" + port,
                "mailStore", KippuStandIns.shared().sesEndpoint() + "/store",
                "organizer", user(organizer),
                "attendee", user(TestUsers.attendee()),
                "otherAttendee", user(TestUsers.attendee()),
                "booker", user(booker),
                "events", Map.of("open", Map.of("id", open, "title", "Browser Night " + port),
                        "soldOut", Map.of("id", soldOut, "title", "Sold Out Matinee " + port)));

        Path log = Files.createTempFile("kippu-web-e2e-", ".log");
        ProcessBuilder playwright = new ProcessBuilder(List.of("npx", "--no-install", "playwright", "test"))
                .directory(E2E.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        playwright.environment().put("KIPPU_E2E", JsonMapper.builder().build().writeValueAsString(stack));
        Process run = playwright.start();
        boolean ended = run.waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(ended).as("Playwright still running after %d minutes:%n%s", PATIENCE_MINUTES, output).isTrue();
        assertThat(run.exitValue()).as("the browser tests:%n%s", output).isZero();
    }

    private static Map<String, String> user(TestUser user) {
        return Map.of("email", user.email(), "password", TestUsers.PASSWORD);
    }
}
