package dev.kippu.local;

import static dev.kippu.local.LoopbackHttp.respond;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.kippu.local.LambdaStandIn.Outcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An API Gateway HTTP API in front of a function, on a free loopback port: every HTTP request becomes
 * an invocation with an HTTP API event (payload format 2.0, the format Function URLs use too), and
 * its outcome the HTTP response, as API Gateway answers: the function's response object, a 500 for a
 * function error, a 502 for a runtime that exited while it held the request, a 503 for a timeout.
 */
final class HttpApi implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "upgrade", "keep-alive", "transfer-encoding", "te", "trailer",
            "proxy-authorization", "proxy-authenticate", "host", "content-length", "cookie");
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Function<String, Outcome> function;
    private final HttpServer server;

    private HttpApi(Function<String, Outcome> function, Executor threads) {
        this.function = function;
        this.server = LoopbackHttp.serve(this::frontDoor, threads);
    }

    /** Listens at once; {@code function} invokes the function with an event and waits for its outcome. */
    static HttpApi start(Function<String, Outcome> function, Executor threads) {
        return new HttpApi(function, threads);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void frontDoor(HttpExchange exchange) throws IOException {
        Outcome outcome = function.apply(JSON.writeValueAsString(httpApiEvent(exchange)));
        switch (outcome) {
            case Outcome.Answered answered -> answer(exchange, answered.payload());
            case Outcome.Failed exited when exited.errorType().equals(LambdaStandIn.RUNTIME_EXIT_ERROR) ->
                    respond(exchange, 502, "{\"message\":\"Internal Server Error\"}");
            case Outcome.Failed failed -> respond(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            case Outcome.TimedOut late -> respond(exchange, 503, "{\"message\":\"Service Unavailable\"}");
        }
    }

    /** The event API Gateway's HTTP API sends for a request (payload format 2.0). */
    private ObjectNode httpApiEvent(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Instant now = Instant.now();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", uri.getRawPath());
        event.put("rawQueryString", Optional.ofNullable(uri.getRawQuery()).orElse(""));
        ObjectNode headers = event.putObject("headers");
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(value -> List.of(value.split(";\\s*")).forEach(cookies::add));
            }
            if (!HOP_BY_HOP.contains(lower)) {
                headers.put(lower, String.join(",", values));
            }
        });
        headers.put("host", exchange.getRequestHeaders().getFirst("Host"));
        if (!cookies.isEmpty()) {
            event.set("cookies", JSON.valueToTree(cookies));
        }
        if (uri.getRawQuery() != null) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.merge(decode(nameAndValue[0]), nameAndValue.length > 1 ? decode(nameAndValue[1]) : "", (a, b) -> a + "," + b);
            }
            event.set("queryStringParameters", JSON.valueToTree(parameters));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", exchange.getRequestHeaders().getFirst("Host"));
        context.put("domainPrefix", "local");
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", uri.getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            boolean text = isText(exchange.getRequestHeaders().getFirst("Content-Type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** The function's answer as API Gateway reads it: a response object, or else any JSON as a 200's body. */
    private static void answer(HttpExchange exchange, byte[] payload) throws IOException {
        JsonNode response;
        try {
            response = JSON.readTree(payload);
        } catch (RuntimeException notJson) {
            respond(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        if (!response.isObject() || !response.has("statusCode")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, payload.length);
            exchange.getResponseBody().write(payload);
            return;
        }
        var headers = exchange.getResponseHeaders();
        response.path("headers").properties().forEach(header -> headers.set(header.getKey(), header.getValue().asString()));
        response.path("multiValueHeaders").properties().forEach(header -> {
            headers.remove(header.getKey());
            header.getValue().forEach(value -> headers.add(header.getKey(), value.asString()));
        });
        response.path("cookies").forEach(cookie -> headers.add("Set-Cookie", cookie.asString()));
        String body = response.path("body").asString("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.get("statusCode").asInt(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Bodies API Gateway passes as text; all others arrive base64-encoded. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("graphql")
                || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("application/javascript");
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
