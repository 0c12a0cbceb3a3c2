package dev.kippu.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.kippu.contract.DeepQueries;
import dev.kippu.contract.KippuApi;
import dev.kippu.support.StandInProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application as deployed ({@code prod} profile): the schema is not open to exploration and
 * there is no GraphiQL, but the API works. Turning introspection off is JVM-wide in graphql-java,
 * so Surefire runs this class in a JVM of its own (execution {@code production-profile}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@ContextConfiguration(initializers = StandInProperties.class)
class ProductionProfileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void theSchemaCannotBeIntrospected() {
        for (String query : new String[] {"query { __schema { types { name } } }", "query { __type(name: \"Event\") { fields { name } } }"}) {
            HttpResponse<String> response = query(query);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.at("/errors/0/extensions/code").asString()).as(response.body()).isEqualTo("BAD_REQUEST");
            assertThat(body.path("data").path("__schema").isMissingNode() || body.path("data").path("__schema").isNull()).as(response.body()).isTrue();
            assertThat(body.path("data").path("__type").isMissingNode() || body.path("data").path("__type").isNull()).as(response.body()).isTrue();
            assertThat(response.body()).doesNotContain("\"Event\"", "seatsRemaining");
        }
    }

    @Test
    void graphiqlIsNotServed() {
        HttpResponse<String> response = KippuApi.onLocalPort(port).http().get("/graphiql");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContainIgnoringCase("<script");
    }

    @Test
    void ordinaryQueriesWork() {
        HttpResponse<String> response = query("query { __typename events(first: 1) { edges { node { id title } } pageInfo { hasNextPage } } }");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("errors").isMissingNode()).as(response.body()).isTrue();
        assertThat(body.at("/data/__typename").asString()).isEqualTo("Query");
        assertThat(body.at("/data/events/pageInfo/hasNextPage").isBoolean()).as(response.body()).isTrue();
    }

    @Test
    void queriesAreHeldToTheProductionDepthLimit() {
        HttpResponse<String> response = query(DeepQueries.nested(3));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/errors/0/extensions/code").asString()).as(response.body()).isEqualTo("BAD_REQUEST");
        assertThat(body.at("/errors/0/message").asString()).containsIgnoringCase("depth");
    }

    private HttpResponse<String> query(String document) {
        return KippuApi.onLocalPort(port).http().query(document);
    }
}
