package dev.kippu.platform.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What the local stand-in cannot show: it runs one request at a time, so it never cancels a
 * transaction for a conflict with another one, as DynamoDB does under contention.
 */
class KippuTableTest {

    private final DynamoDbClient dynamo = mock(DynamoDbClient.class);
    private final KippuTable table = new KippuTable(dynamo, new DynamoDbProperties("kippu", false));
    private final List<TransactWriteItem> writes = List.of(TransactWriteItem.builder().build());

    @Test
    @SuppressWarnings("unchecked")
    void aTransactionCancelledByAConflictIsRetried() {
        given(dynamo.transactWriteItems(any(Consumer.class)))
                .willThrow(cancelled("TransactionConflict", "None"))
                .willReturn(TransactWriteItemsResponse.builder().build());
        assertThat(table.transact(writes)).isEmpty();
        verify(dynamo, times(2)).transactWriteItems(any(Consumer.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailedConditionIsAnAnswerNotARetry() {
        given(dynamo.transactWriteItems(any(Consumer.class))).willThrow(cancelled("ConditionalCheckFailed", "None"));
        assertThat(table.transact(writes)).extracting(CancellationReason::code).containsExactly("ConditionalCheckFailed", "None");
        assertThat(KippuTable.conditionFailed(table.transact(writes), 0)).isTrue();
        verify(dynamo, times(2)).transactWriteItems(any(Consumer.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void endlessConflictsGiveUp() {
        given(dynamo.transactWriteItems(any(Consumer.class))).willThrow(cancelled("TransactionConflict"));
        assertThatThrownBy(() -> table.transact(writes)).isInstanceOf(TransactionCanceledException.class);
        verify(dynamo, times(4)).transactWriteItems(any(Consumer.class));
    }

    private static TransactionCanceledException cancelled(String... codes) {
        return (TransactionCanceledException) TransactionCanceledException.builder()
                .cancellationReasons(Arrays.stream(codes).map(code -> CancellationReason.builder().code(code).build()).toList())
                .message("Transaction cancelled").build();
    }
}
