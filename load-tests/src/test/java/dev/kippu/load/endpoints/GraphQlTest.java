package dev.kippu.load.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class GraphQlTest {

    @Test
    void anAnswerIsTalliedByItsFirstErrorCode() {
        assertThat(GraphQl.errorCodeIn("{\"data\": {\"bookSeats\": {\"id\": \"1\"}}}")).isEqualTo(GraphQl.NO_ERROR);
        assertThat(GraphQl.errorCodeIn("{\"errors\": [], \"data\": {}}")).isEqualTo(GraphQl.NO_ERROR);
        assertThat(GraphQl.errorCodeIn("{\"errors\": [{\"message\": \"sold out\", \"extensions\": {\"code\": \"SOLD_OUT\"}},"
                + " {\"extensions\": {\"code\": \"INTERNAL\"}}], \"data\": null}")).isEqualTo("SOLD_OUT");
        assertThat(GraphQl.errorCodeIn("{\"errors\": [{\"message\": \"?\"}]}")).isEqualTo("error without a code");
    }

    @Test
    void anAnswerThatIsNotGraphQlJsonIsSaidToBe() {
        assertThat(GraphQl.errorCodeIn("<html>502 Bad Gateway</html>")).isEqualTo(GraphQl.NOT_GRAPHQL);
        assertThat(GraphQl.errorCodeIn("")).isEqualTo(GraphQl.NOT_GRAPHQL);
        assertThat(GraphQl.errorCodeIn("[1]")).isEqualTo(GraphQl.NOT_GRAPHQL);
    }

    @Test
    void theDocumentsAreTheContractSuites() {
        assertThat(GraphQl.document("bookSeats")).startsWith("mutation bookSeats(");
        assertThatIllegalArgumentException().isThrownBy(() -> GraphQl.document("nope")).withMessageContaining("graphql-test/nope.graphql");
    }
}
