package dev.kippu.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

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
    /** What origin access control puts in {@code Authorization} on its way to the Function URL. */
    private static final String CLOUDFRONTS_SIGNATURE = "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20261201/us-east-1/lambda/aws4_request, "
            + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=0123456789abcdef";

    @Test
    void anHttpApiEventWithCookiesAndRepeatedHeadersIsServed() throws Exception {
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

        JsonNode response = InProcessLambda.invoke(throughCloudFront("{ me { id email } }", "Bearer " + attendee.accessToken()));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(response).at("/data/me/email").asString()).isEqualTo(attendee.email());
    }

    @Test
    void behindCloudFrontAnAnonymousViewerIsAnonymousDespiteCloudFrontsSignature() throws Exception {
        JsonNode response = InProcessLambda.invoke(throughCloudFront("{ me { id } }", null));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(response).at("/data/me").isNull()).isTrue();
    }

    /** A Function URL event as CloudFront's origin access control sends it: its signature in Authorization, the viewer's moved aside. */
    private static String throughCloudFront(String query, String viewersAuthorization) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(event("function-url-base64.json"));
        ObjectNode headers = (ObjectNode) event.get("headers");
        headers.put("authorization", CLOUDFRONTS_SIGNATURE);
        if (viewersAuthorization != null) {
            headers.put("x-kippu-authorization", viewersAuthorization);
        }
        byte[] body = JSON.writeValueAsBytes(Map.of("query", query));
        event.put("body", Base64.getEncoder().encodeToString(body));
        return JSON.writeValueAsString(event);
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
