package dev.kippu.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;

/**
 * The HTTP function in process, invoked with events as API Gateway's HTTP API and a Function URL
 * (behind CloudFront) send them: cookies apart from the headers, repeated headers joined with
 * commas, a body base64-encoded.
 */
class HttpHandlerTest {

    @Test
    void anHttpApiEventWithCookiesAndRepeatedHeadersIsAnsweredAsOverTomcat() throws Exception {
        JsonNode response = InProcessLambda.invoke(event("http-api-graphql.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(contentType(response)).startsWith("application/graphql-response+json");
        JsonNode body = body(response);
        assertThat(body.has("errors")).as(body.toString()).isFalse();
        assertThat(body.at("/data/events/edges").isArray()).isTrue();
    }

    @Test
    void aFunctionUrlEventsBase64BodyIsDecodedBeforeGraphQlReadsIt() throws Exception {
        JsonNode response = InProcessLambda.invoke(event("function-url-base64.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.has("errors")).as(body.toString()).isFalse();
        assertThat(body.at("/data/events/pageInfo/hasNextPage").isBoolean()).isTrue();
    }

    @Test
    void anEventThatIsNoHttpRequestIsRefusedAndTheNextIsServed() throws Exception {
        JsonNode refused = InProcessLambda.invoke("{\"version\":\"2.0\",\"detail-type\":\"Scheduled Event\"}");
        JsonNode next = InProcessLambda.invoke(event("http-api-graphql.json"));

        assertThat(refused.path("statusCode").asInt()).isBetween(400, 599);
        assertThat(next.path("statusCode").asInt()).isEqualTo(200);
    }

    static String event(String name) throws Exception {
        return new ClassPathResource("events/" + name).getContentAsString(StandardCharsets.UTF_8);
    }

    private static String contentType(JsonNode response) {
        JsonNode single = response.at("/headers/Content-Type");
        return single.isMissingNode() ? response.at("/multiValueHeaders/Content-Type/0").asString("") : single.asString();
    }

    private static JsonNode body(JsonNode response) {
        String body = response.path("body").asString();
        if (response.path("isBase64Encoded").asBoolean()) {
            body = new String(java.util.Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }
}
