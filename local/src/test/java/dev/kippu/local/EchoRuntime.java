package dev.kippu.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A runtime as small as one can be, for an execution environment of its own: it polls the Runtime
 * API in {@code AWS_LAMBDA_RUNTIME_API} and answers an HTTP API event with its process id, after the
 * milliseconds its query's {@code delay} asks for; a query with {@code exit} makes it exit instead,
 * as a runtime that crashes mid-invocation.
 */
final class EchoRuntime {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EchoRuntime() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String runtime = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/";
        for (;;) {
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(runtime + "next")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode query = JSON.readTree(next.body()).path("queryStringParameters");
            if (query.has("exit")) {
                Runtime.getRuntime().halt(1);
            }
            Thread.sleep(Duration.ofMillis(query.path("delay").asLong(0)));
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            http.send(HttpRequest.newBuilder(URI.create(runtime + id + "/response"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"statusCode\":200,\"body\":\"" + ProcessHandle.current().pid() + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }
}
