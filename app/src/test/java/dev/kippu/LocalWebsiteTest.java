package dev.kippu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.EntityResponse;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** The local site answers as the CloudFront distribution does from the web bucket. */
class LocalWebsiteTest {

    @TempDir
    Path export;

    @BeforeEach
    void anExport() throws IOException {
        Files.writeString(export.resolve("index.html"), "home");
        Files.writeString(export.resolve("404.html"), "not here");
        Files.createDirectories(export.resolve("events"));
        Files.writeString(export.resolve("events/index.html"), "events");
        Files.createDirectories(export.resolve("_next/static/chunks"));
        Files.writeString(export.resolve("_next/static/chunks/app.js"), "js");
    }

    @Test
    void aFolderIsItsIndexPage() {
        assertThat(body(get("/"))).isEqualTo(export.resolve("index.html"));
        assertThat(body(get("/events/"))).isEqualTo(export.resolve("events/index.html"));
        assertThat(get("/events/").headers().getCacheControl()).isEqualTo("no-cache");
    }

    @Test
    void headIsAnsweredAsGetIs() throws Exception {
        RouterFunction<ServerResponse> website = new LocalWebsite().website(export.toString(), stackSettings());

        for (String path : List.of("/", "/events/", "/config.json")) {
            ServerRequest head = ServerRequest.create(new MockHttpServletRequest("HEAD", path), List.of());
            Optional<HandlerFunction<ServerResponse>> handler = website.route(head);
            assertThat(handler).as("HEAD %s", path).isPresent();
            assertThat(handler.orElseThrow().handle(head).statusCode().value()).as("HEAD %s", path).isEqualTo(200);
        }
        ServerRequest post = ServerRequest.create(new MockHttpServletRequest("POST", "/"), List.of());
        assertThat(website.route(post)).isEmpty();
    }

    @Test
    void aFolderWithoutItsSlashRedirectsToIt() {
        ServerResponse response = get("/events");

        assertThat(response.statusCode().value()).isEqualTo(301);
        assertThat(response.headers().getLocation()).hasToString("/events/");
    }

    @Test
    void aMissingPageIsTheNotFoundPageWithItsStatus() {
        ServerResponse response = get("/nowhere/");

        assertThat(response.statusCode().value()).isEqualTo(404);
        assertThat(body(response)).isEqualTo(export.resolve("404.html"));
    }

    @Test
    void nothingOutsideTheExportIsServed() throws IOException {
        Files.writeString(export.getParent().resolve("secret.txt"), "secret");

        assertThat(get("/../secret.txt").statusCode().value()).isEqualTo(404);
    }

    @Test
    void hashedAssetsAreCachedForAYear() {
        ServerResponse response = get("/_next/static/chunks/app.js");

        assertThat(response.headers().getCacheControl()).isEqualTo("max-age=31536000, public");
        assertThat(response.headers().getContentType()).hasToString("text/javascript");
    }

    @Test
    void withoutAnExportItSaysHowToBuildOne() {
        ServerResponse response = LocalWebsite.page(export.resolve("missing"), request("/"));

        assertThat(response.statusCode().value()).isEqualTo(404);
        assertThat(((EntityResponse<?>) response).entity().toString()).contains("npm run build --prefix web");
    }

    @Test
    void theConfigPointsTheSiteAtThisStack() {
        assertThat(LocalWebsite.config(stackSettings())).containsExactly(entry("graphqlUrl", "/graphql"), entry("live", "/graphql"),
                entry("region", "us-east-1"), entry("userPoolId", "local_abc"), entry("userPoolClientId", "client1"),
                entry("cognitoEndpoint", "http://127.0.0.1:9229"));
    }

    private static MockEnvironment stackSettings() {
        return new MockEnvironment().withProperty("kippu.aws.region", "us-east-1")
                .withProperty("kippu.cognito.user-pool-id", "local_abc").withProperty("kippu.cognito.client-ids", "client1")
                .withProperty("kippu.aws.endpoints.cognito", "http://127.0.0.1:9229");
    }

    private ServerResponse get(String path) {
        return LocalWebsite.page(export, request(path));
    }

    private static ServerRequest request(String path) {
        return ServerRequest.create(new MockHttpServletRequest("GET", path), List.of());
    }

    private static Path body(ServerResponse response) {
        return ((FileSystemResource) ((EntityResponse<?>) response).entity()).getFile().toPath();
    }
}
