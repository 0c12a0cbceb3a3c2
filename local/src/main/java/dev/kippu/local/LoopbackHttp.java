package dev.kippu.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server on a free loopback port, as the Lambda and container credentials stand-ins
 * serve their APIs. Every such server in a JVM is made here: the JDK reads the settings below once,
 * when the first one is created.
 */
final class LoopbackHttp {

    private static final Logger log = LoggerFactory.getLogger(LoopbackHttp.class);

    static {
        // The JDK's server closes a keep-alive connection after 30 s idle, and at once when it holds
        // 200 idle ones already (a test run's many clients do); a client that pooled the connection
        // learns it only by losing its next request. Here they stay open for ten minutes, and 10,000.
        System.getProperties().putIfAbsent("sun.net.httpserver.idleInterval", "600");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxIdleConnections", "10000");
    }

    private LoopbackHttp() {
    }

    /** Serves every path with {@code handler} on {@code threads}; a handler's failure is a 500 and a warning. */
    static HttpServer serve(HttpHandler handler, Executor threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                try (exchange) {
                    handler.handle(exchange);
                } catch (RuntimeException | IOException e) {
                    log.warn("A loopback stand-in failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                    if (exchange.getResponseCode() == -1) {
                        exchange.sendResponseHeaders(500, -1);
                    }
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("a loopback stand-in could not listen", e);
        }
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
