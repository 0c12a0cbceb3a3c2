package dev.kippu.contract.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kippu.contract.ContractTest;
import dev.kippu.contract.DeepQueries;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests no client of ours sends, meant to exhaust or confuse the server. Each gets a short, clean
 * refusal (a GraphQL error with a contract code, or a 4xx), never a 5xx or a stack trace, and the
 * application stays ready and answers the next ordinary query.
 */
@ContractTest
class AbuseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KippuApi api;

    AbuseTest(KippuApi api) {
        this.api = api;
    }

    @AfterEach
    void theApplicationIsStillHealthy() {
        HttpResponse<String> readiness = send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET());
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).path("status").asString()).isEqualTo("UP");

        HttpResponse<String> events = query("query { events(first: 1) { edges { node { id } } pageInfo { hasNextPage } } }");
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(events.body());
        assertThat(body.path("errors").isMissingNode()).as(events.body()).isTrue();
        assertThat(body.at("/data/events/pageInfo/hasNextPage").isBoolean()).as(events.body()).isTrue();
    }

    @Test
    void aQueryFiftyLevelsDeepIsRefused() {
        assertGraphQlError(query(DeepQueries.nested(12)), "BAD_REQUEST", "depth");
    }

    @Test
    void aQueryFourteenLevelsDeepIsAnswered() {
        HttpResponse<String> response = query(DeepQueries.nested(3));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("errors").isMissingNode()).as(response.body()).isTrue();
    }

    @Test
    void anIntrospectionQueryInBadFaithIsRefused() {
        HttpResponse<String> modest = query("query { __schema { queryType { name } } }");
        assertThat(JSON.readTree(modest.body()).at("/data/__schema/queryType/name").asString()).as(modest.body()).isEqualTo("Query");

        assertGraphQlError(query("query { __schema { types { fields { type { fields { type { fields { name } } } } } } } }"), "BAD_REQUEST", "good faith");
    }

    @Test
    void aDocumentNestedThousandsOfLevelsDeepIsRefused() {
        String query = "query { event(id: \"x\") " + "{ a ".repeat(5_000) + "}".repeat(5_000) + " }";
        assertGraphQlError(query(query), "BAD_REQUEST", null);
    }

    @Test
    void fiveHundredAliasesAreRefused() {
        String fields = IntStream.range(0, 500).mapToObj(i -> "a" + i + ": __typename").collect(Collectors.joining(" "));
        assertGraphQlError(query("query { " + fields + " }"), "BAD_REQUEST", "aliases");
    }

    @Test
    void aDocumentWithAHundredOperationsIsRefused() {
        String document = IntStream.range(0, 100).mapToObj(i -> "query q" + i + " { __typename }").collect(Collectors.joining("\n"));
        assertGraphQlError(postJson(JSON.writeValueAsString(Map.of("query", document, "operationName", "q0"))), "BAD_REQUEST", "operations");
        assertGraphQlError(query(document), "BAD_REQUEST", null);
    }

    @Test
    void aBatchOfAHundredOperationsIsRefused() {
        List<Map<String, String>> batch = IntStream.range(0, 100).mapToObj(i -> Map.of("query", "query { __typename }")).toList();
        assertNotAGraphQlRequest("a batch", postJson(JSON.writeValueAsString(batch)));
    }

    @Test
    void aQueryOfTooManyTokensIsRefused() {
        String query = "query { me { " + "id ".repeat(10_000) + "} }";
        assertThat(query.length()).isLessThan(65_536);
        assertGraphQlError(query(query), "BAD_REQUEST", "tokens");
    }

    @Test
    void aQueryAskingForTooManyItemsIsRefused() {
        String query = "query { events(first: 100) { edges { node { bookings(first: 100) { edges { node { event { id title } } } } } } } }";
        assertGraphQlError(query(query), "BAD_REQUEST", "complexity");
    }

    @Test
    void aFieldThatDoesNotExistIsRefused() {
        assertGraphQlError(query("query { events { edges { node { id passwordHash } } } }"), "BAD_REQUEST", "passwordHash");
    }

    @Test
    void aOneMegabyteBodyIsRefusedAsTooLarge() {
        String body = JSON.writeValueAsString(Map.of("query", "query { __typename }", "padding", "x".repeat(1024 * 1024)));
        HttpResponse<String> response = postJson(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).at("/errors/0/extensions/code").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aOneMegabyteBodyWithoutALengthIsRefusedAsTooLarge() {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", "query { __typename }", "padding", "x".repeat(1024 * 1024)));
        HttpResponse<String> response = post("application/json", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).at("/errors/0/extensions/code").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void malformedJsonIsRefused() {
        for (String body : List.of("{\"query\": \"query { __typename }\"", "not json", "", "null", " null\n", "42", "true", "[]",
                "\"query { __typename }\"", "{\"query\": 42}", "{\"query\": null}", "{\"variables\": {}}", "{\"query\": \"{ __typename }\", \"variables\": 7}")) {
            assertNotAGraphQlRequest(body, postJson(body));
        }
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String variables = "[".repeat(10_000) + "]".repeat(10_000);
        assertNotAGraphQlRequest("10,000 nested arrays", postJson("{\"query\": \"query { __typename }\", \"variables\": {\"deep\": " + variables + "}}"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsAnUnsupportedMediaType() {
        HttpResponse<String> response = post("text/plain", BodyPublishers.ofString("query { __typename }"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
    }

    /** Refused as a whole, before GraphQL: 400 with a GraphQL error BAD_REQUEST. */
    private static void assertNotAGraphQlRequest(String sent, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s -> %s", sent, response.body()).isEqualTo(400);
        assertGraphQlError(response, "BAD_REQUEST", null);
    }

    /** A GraphQL response with errors of {@code code}, the first one's message mentions {@code reason} (if given) and no data. */
    private static void assertGraphQlError(HttpResponse<String> response, String code, String reason) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("errors").isArray() && !body.path("errors").isEmpty()).as(response.body()).isTrue();
        assertThat(body.path("errors")).as(response.body()).allSatisfy(error ->
                assertThat(error.at("/extensions/code").asString()).isEqualTo(code));
        if (reason != null) {
            assertThat(body.at("/errors/0/message").asString()).containsIgnoringCase(reason);
        }
        assertThat(body.path("data").isMissingNode() || body.path("data").isNull()).as(response.body()).isTrue();
    }

    private HttpResponse<String> query(String document) {
        return unrevealing(http().query(document));
    }

    private HttpResponse<String> postJson(String body) {
        return unrevealing(http().postJson(body));
    }

    private HttpResponse<String> post(String contentType, BodyPublisher body) {
        return unrevealing(http().post(contentType, body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return unrevealing(http().send(request));
    }

    private URI uri(String path) {
        return http().uri(path);
    }

    private RawHttp http() {
        return api.http();
    }

    /** Whatever comes back must not reveal the server's insides. */
    private static HttpResponse<String> unrevealing(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        assertThat(response.body()).doesNotContain("Exception", "at dev.kippu", "at org.", "at java.", "\tat ");
        return response;
    }
}
