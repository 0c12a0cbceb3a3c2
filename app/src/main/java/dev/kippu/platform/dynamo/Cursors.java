package dev.kippu.platform.dynamo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kippu.common.InvalidInput;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque page cursors: the key of the last item of a page (text attributes only), base64url-encoded.
 * Decoding checks the shape, and callers check that the cursor belongs to the list being read, so a
 * forged cursor cannot start a query inside somebody else's items.
 */
public final class Cursors {

    private static final String SEPARATOR = "\u001f";

    private Cursors() {
    }

    public static String encode(Map<String, AttributeValue> item, List<String> keyNames) {
        StringBuilder text = new StringBuilder("1");
        for (String name : keyNames) {
            text.append(SEPARATOR).append(item.get(name).s());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, AttributeValue> decode(String cursor, List<String> keyNames) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != keyNames.size() + 1 || !parts[0].equals("1")) {
            throw invalid();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 0; i < keyNames.size(); i++) {
            if (parts[i + 1].isEmpty()) {
                throw invalid();
            }
            key.put(keyNames.get(i), AttributeValue.fromS(parts[i + 1]));
        }
        return key;
    }

    /** The cursor's value of {@code name} must be {@code expected}. */
    public static void requireValue(Map<String, AttributeValue> key, String name, String expected) {
        if (!expected.equals(key.get(name).s())) {
            throw invalid();
        }
    }

    public static InvalidInput invalid() {
        return InvalidInput.of("after", "is not a cursor of this list: pass an endCursor this list returned");
    }
}
