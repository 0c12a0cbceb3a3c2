package dev.kippu.platform.dynamo;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Keys of items that more than one feature writes: a booking changes its event's seat count. */
public final class Keys {

    private Keys() {
    }

    public static Map<String, AttributeValue> event(String eventId) {
        return Items.key("EVENT#" + eventId, "EVENT");
    }
}
