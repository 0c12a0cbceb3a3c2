package dev.kippu.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * aws-ses-v2-local, which answers SES v2 {@code SendEmail} and keeps what was sent: as JSON at
 * {@code /store}, in a mail viewer at {@code /}.
 */
public final class SesStandIn implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StandInProcess process;

    private SesStandIn(StandInProcess process) {
        this.process = process;
    }

    public static SesStandIn start() {
        int port = StandInProcess.freePort();
        return new SesStandIn(StandInProcess.start("ses",
                LocalDirectory.nodeCommand("node_modules/aws-ses-v2-local/dist/cli.js", "--host", "127.0.0.1", "--port", Integer.toString(port)),
                Map.of(), port, Duration.ofSeconds(30)));
    }

    public String endpoint() {
        return process.endpoint();
    }

    /** The mail viewer a person opens in a browser. */
    public String viewer() {
        return "http://localhost:" + process.port() + "/";
    }

    /** Everything the stand-in at {@code endpoint} was sent so far, as aws-ses-v2-local's JSON ({@code {"emails": [...]}}). */
    public static String storeJson(String endpoint) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + "/store")).GET().build());
    }

    @Override
    public void close() {
        process.close();
    }

    private static String send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("the SES stand-in did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
