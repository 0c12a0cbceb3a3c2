package dev.kippu.load.endpoints;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL operation as a Gatling request: the document of the same name that the contract suite
 * sends ({@code graphql-test/<name>.graphql} in the kippu-contract-tests jar), POSTed to
 * {@code /graphql} with the variables taken from the session. Every answer's HTTP status, latency and first
 * error code are saved (for {@code results.Outcomes}), and the request fails unless it is HTTP 200
 * with no error, or with one of the codes the caller expects (a sold-out answer in a flash sale).
 */
public final class GraphQl {

    /** Session attributes every operation sets: its HTTP status, and its first error's {@code extensions.code} or {@link #NO_ERROR}. */
    public static final String HTTP_STATUS = "httpStatus";
    public static final String ERROR_CODE = "errorCode";
    public static final String NO_ERROR = "none";
    /** Session attribute: the answer's latency, when there was an answer. */
    public static final String RESPONSE_MILLIS = "responseMillis";
    /** The error "code" of an answer that is not GraphQL's JSON (a proxy's page, an empty body). */
    public static final String NOT_GRAPHQL = "not GraphQL JSON";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphQl() {
    }

    /** An operation sent with the session's {@code accessToken}. */
    public static HttpRequestActionBuilder asUser(String document, Function<Session, Map<String, Object>> variables, String... expectedErrorCodes) {
        return anonymous(document, variables, expectedErrorCodes).header("Authorization", "Bearer #{accessToken}");
    }

    /** An operation sent without a token. */
    public static HttpRequestActionBuilder anonymous(String document, Function<Session, Map<String, Object>> variables, String... expectedErrorCodes) {
        String query = document(document);
        List<String> accepted = Stream.concat(Stream.of(NO_ERROR), Stream.of(expectedErrorCodes)).toList();
        return http(document).post("/graphql")
                .body(StringBody(session -> body(query, variables.apply(session))))
                .check(status().saveAs(HTTP_STATUS), responseTimeInMillis().saveAs(RESPONSE_MILLIS), bodyString().transform(GraphQl::errorCodeIn).saveAs(ERROR_CODE),
                        status().is(200), bodyString().transform(GraphQl::errorCodeIn).in(accepted));
    }

    /** The text of {@code graphql-test/<name>.graphql}. */
    public static String document(String name) {
        try (InputStream in = GraphQl.class.getClassLoader().getResourceAsStream("graphql-test/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("no GraphQL document graphql-test/" + name + ".graphql on the class path (kippu-contract-tests)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first error's {@code extensions.code}, {@link #NO_ERROR}, or {@link #NOT_GRAPHQL}. */
    public static String errorCodeIn(String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return NOT_GRAPHQL;
        }
        if (answer == null || !answer.isObject()) {
            return NOT_GRAPHQL;
        }
        JsonNode errors = answer.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return NO_ERROR;
        }
        JsonNode code = errors.get(0).path("extensions").path("code");
        return code.isString() ? code.asString() : "error without a code";
    }

    private static String body(String query, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", query);
        request.put("variables", variables);
        return JSON.writeValueAsString(request);
    }
}
