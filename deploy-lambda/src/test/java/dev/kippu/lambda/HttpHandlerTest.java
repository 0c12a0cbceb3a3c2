package dev.kippu.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP function in process, invoked with events as API Gateway's HTTP API and a Function URL
 * (behind CloudFront) send them: cookies apart from the headers, repeated headers joined with
 * commas, a body base64-encoded, the viewer's token beside CloudFront's signature.
 */
class HttpHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void behindCloudFrontTheViewersTokenComesInItsOwnHeaderBesideCloudFrontsSignature() throws Exception {
        TestUser attendee = TestUsers.attendee();
        ObjectNode event = (ObjectNode) JSON.readTree(event("function-url-base64.json"));
        ObjectNode headers = (ObjectNode) event.get("headers");
        headers.put("authorization", "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20261201/us-east-1/lambda/aws4_request, "
                + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=0123456789abcdef");
        headers.put("x-kippu-authorization", "Bearer " + attendee.accessToken());
        event.put("body", Base64.getEncoder().encodeToString("{\"query\":\"{ me { id email } }\"}".getBytes(StandardCharsets.UTF_8)));

        JsonNode response = InProcessLambda.invoke(JSON.writeValueAsString(event));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(response).at("/data/me/email").asString()).isEqualTo(attendee.email());
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
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return JSON.readTree(body);
    }
}
