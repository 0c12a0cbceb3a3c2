package dev.kippu.platform.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kippu.common.InvalidInput;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorsTest {

    private static final List<String> KEYS = List.of("ownerPk", "ownerSk", "PK", "SK");
    private static final Map<String, AttributeValue> ITEM = Map.of(
            "ownerPk", AttributeValue.fromS("USER#u1"), "ownerSk", AttributeValue.fromS("2026-12-01T00:00:00.000Z#b1"),
            "PK", AttributeValue.fromS("BOOKING#b1"), "SK", AttributeValue.fromS("BOOKING"), "quantity", AttributeValue.fromN("2"));

    @Test
    void aCursorIsTheItemsKey() {
        String cursor = Cursors.encode(ITEM, KEYS);
        assertThat(cursor).doesNotContain("USER#u1").matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(cursor, KEYS)).containsOnlyKeys(KEYS).containsEntry("PK", AttributeValue.fromS("BOOKING#b1"));
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        Map<String, AttributeValue> key = Cursors.decode(Cursors.encode(ITEM, KEYS), KEYS);
        assertThatThrownBy(() -> Cursors.requireValue(key, "ownerPk", "USER#u2")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> Cursors.decode("not a cursor!", KEYS)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Cursors.decode("bm90LWEtY3Vyc29y", KEYS)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Cursors.decode(Cursors.encode(ITEM, KEYS), List.of("PK", "SK"))).isInstanceOf(InvalidInput.class);
    }
}
