package dev.kippu.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.kippu.support.ShippedSettings;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * SES sends a mail whose attempt the client gave up on, so the SES client must not send it again on
 * its own; throttling, where SES sent nothing, is retried. An HTTP server of the test's own plays SES,
 * slow or throttling on demand, and counts what reaches it.
 */
class SesRetriesTest {

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer ses;
    private SdkHttpClient http;
    private SesV2Client client;

    @Test
    void aSendThatTimesOutIsNotSentAgainByTheClient() {
        start(exchange -> {
            sleep(3_000); // longer than an attempt (2 s)
            answer(exchange, 200, "{\"MessageId\":\"m-1\"}");
        });
        assertThatThrownBy(this::send).isInstanceOf(SdkClientException.class);
        assertThat(requests).as("one attempt only").hasValue(1);
    }

    @Test
    void aThrottledSendIsRetried() {
        start(exchange -> {
            if (requests.get() < 3) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "TooManyRequestsException");
                answer(exchange, 429, "{\"message\":\"Maximum sending rate exceeded.\"}");
            } else {
                answer(exchange, 200, "{\"MessageId\":\"m-1\"}");
            }
        });
        send();
        assertThat(requests).as("two refusals, then sent").hasValue(3);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
            http.close();
        }
        if (ses != null) {
            ses.stop(0);
        }
    }

    private void send() {
        client.sendEmail(r -> r.fromEmailAddress("no-reply@kippu.dev").destination(d -> d.toAddresses("someone@example.test"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Hello")).body(b -> b.text(t -> t.data("Hello"))))));
    }

    private void start(Handler handler) {
        try {
            ses = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ses.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            handler.handle(exchange);
        });
        ses.start();
        AwsProperties properties = ShippedSettings.bind("kippu.aws", AwsProperties.class, Map.of(
                "kippu.aws.endpoints.ses", "http://127.0.0.1:" + ses.getAddress().getPort(),
                "kippu.aws.credentials", "static", "kippu.aws.access-key-id", "local", "kippu.aws.secret-access-key", "local"));
        AwsClients clients = new AwsClients();
        http = clients.awsHttpClient(properties);
        client = clients.sesClient(properties, http);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
