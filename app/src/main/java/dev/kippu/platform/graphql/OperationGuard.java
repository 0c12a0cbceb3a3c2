package dev.kippu.platform.graphql;

import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Checks an operation before any resolver runs: it must not have more aliases or operation
 * definitions than allowed, a subscription must come over WebSocket, and an anonymous caller may
 * only use the public fields.
 */
class OperationGuard extends SimplePerformantInstrumentation {

    /**
     * Root fields anyone may use; everything else needs a signed-in user. Seat counts of published
     * events are public (as {@code event(id)} shows them), so anonymous buyers may follow them;
     * drafts stay their organizer's ({@code NOT_FOUND} for others, checked by the use case).
     */
    private static final Map<OperationDefinition.Operation, Set<String>> PUBLIC_FIELDS = Map.of(
            OperationDefinition.Operation.QUERY, Set.of("me", "event", "events", "__typename", "__schema", "__type"),
            OperationDefinition.Operation.SUBSCRIPTION, Set.of("seatsChanged"));

    static final String SUBSCRIPTION_NEEDS_WEBSOCKET = "Subscriptions need a WebSocket: connect to /graphql with the "
            + "graphql-transport-ws protocol. Where none can be held, poll event(id) { seatsRemaining status } instead.";

    private final GraphQlLimits limits;

    OperationGuard(GraphQlLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        long operations = execution.getDocument().getDefinitionsOfType(OperationDefinition.class).size();
        if (operations > limits.maxOperations()) {
            throw abort(ErrorCode.BAD_REQUEST, "A request may define at most " + limits.maxOperations() + " operations; it has " + operations + ".");
        }
        int aliases = execution.getDocument().getDefinitions().stream().mapToInt(definition -> switch (definition) {
            case OperationDefinition operation -> aliases(operation.getSelectionSet());
            case FragmentDefinition fragment -> aliases(fragment.getSelectionSet());
            default -> 0;
        }).sum();
        if (aliases > limits.maxAliases()) {
            throw abort(ErrorCode.BAD_REQUEST, "A request may use at most " + limits.maxAliases() + " aliases; it uses " + aliases + ".");
        }
        if (execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION
                && !Boolean.TRUE.equals(execution.getGraphQLContext().get(RequestContextInterceptor.OVER_WEBSOCKET))) {
            throw abort(ErrorCode.BAD_REQUEST, SUBSCRIPTION_NEEDS_WEBSOCKET);
        }
        if (Caller.principal(execution.getGraphQLContext()) == null && !isPublic(execution)) {
            throw abort(ErrorCode.UNAUTHENTICATED, "Sign in to do this: this operation needs an access token.");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static boolean isPublic(ExecutionContext execution) {
        OperationDefinition operation = execution.getOperationDefinition();
        Set<String> publicFields = PUBLIC_FIELDS.getOrDefault(operation.getOperation(), Set.of());
        return rootFields(operation.getSelectionSet(), execution.getFragmentsByName()).stream().allMatch(publicFields::contains);
    }

    private static List<String> rootFields(SelectionSet selections, Map<String, FragmentDefinition> fragments) {
        return selections.getSelections().stream().flatMap(selection -> fieldNames(selection, fragments).stream()).toList();
    }

    private static List<String> fieldNames(Selection<?> selection, Map<String, FragmentDefinition> fragments) {
        return switch (selection) {
            case Field field -> List.of(field.getName());
            case InlineFragment fragment -> rootFields(fragment.getSelectionSet(), fragments);
            case FragmentSpread spread -> fragments.containsKey(spread.getName())
                    ? rootFields(fragments.get(spread.getName()).getSelectionSet(), fragments)
                    : List.of();
            default -> List.of(selection.getClass().getSimpleName());
        };
    }

    private static int aliases(SelectionSet selections) {
        if (selections == null) {
            return 0;
        }
        return selections.getSelections().stream().mapToInt(selection -> switch (selection) {
            case Field field -> (field.getAlias() != null ? 1 : 0) + aliases(field.getSelectionSet());
            case InlineFragment fragment -> aliases(fragment.getSelectionSet());
            default -> 0;
        }).sum();
    }

    private static AbortExecutionException abort(ErrorCode code, String message) {
        return new AbortExecutionException(List.of(code.error(message)));
    }
}
