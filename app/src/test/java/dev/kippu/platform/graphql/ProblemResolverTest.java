package dev.kippu.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kippu.common.InvalidInput;
import dev.kippu.common.SoldOut;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;

class ProblemResolverTest {

    private final ProblemResolver resolver = new ProblemResolver();

    @Test
    void aProblemKeepsItsMessageAndGetsItsCode() {
        GraphQLError error = resolve(new SoldOut("Only 2 seats are left; ask for fewer."));
        assertThat(error.getMessage()).isEqualTo("Only 2 seats are left; ask for fewer.");
        assertThat(error.getExtensions()).containsEntry("code", "SOLD_OUT");
    }

    @Test
    void invalidInputNamesEachField() {
        GraphQLError error = resolve(new IllegalStateException("binding failed", InvalidInput.of("quantity", "must be between 1 and 10")));
        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")
                .containsEntry("fields", List.of(Map.of("field", "quantity", "message", "must be between 1 and 10")));
    }

    @Test
    void anythingElseIsInternalAndRevealsNothing() {
        GraphQLError error = resolve(new IllegalStateException("table kippu-prod in 123456789012 is throttled"));
        assertThat(error.getExtensions()).containsEntry("code", "INTERNAL");
        assertThat(error.getMessage()).doesNotContain("kippu-prod", "123456789012", "Exception");
    }

    private GraphQLError resolve(Throwable thrown) {
        DataFetchingEnvironment environment = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .mergedField(MergedField.newMergedField(Field.newField("bookSeats").build()).build())
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString).path(ResultPath.rootPath()).build())
                .build();
        List<GraphQLError> errors = resolver.resolveException(thrown, environment).block();
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }
}
