package dev.kippu.contract;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.test.tester.GraphQlTester;

/** Valid inputs, and events made through the API, for tests that need one to start from. */
public final class EventInputs {

    private EventInputs() {
    }

    public static Map<String, Object> newEvent(int capacity) {
        return newEvent("Concert " + UUID.randomUUID().toString().substring(0, 8), capacity, Instant.now().plus(30, ChronoUnit.DAYS));
    }

    public static Map<String, Object> newEvent(String title, int capacity, Instant startsAt) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("title", title);
        input.put("description", "An evening of music.");
        input.put("venue", "Budokan, Tokyo");
        input.put("startsAt", startsAt.toString());
        input.put("endsAt", startsAt.plus(3, ChronoUnit.HOURS).toString());
        input.put("capacity", capacity);
        return input;
    }

    public static String draft(GraphQlTester organizer, Map<String, Object> input) {
        return organizer.documentName("createEvent").variable("input", input).execute()
                .path("createEvent.id").entity(String.class).get();
    }

    public static String published(GraphQlTester organizer, Map<String, Object> input) {
        String id = draft(organizer, input);
        organizer.documentName("publishEvent").variable("id", id).execute().path("publishEvent.status").entity(String.class).isEqualTo("PUBLISHED");
        return id;
    }

    public static String published(GraphQlTester organizer, int capacity) {
        return published(organizer, newEvent(capacity));
    }

    public static Map<String, Object> booking(String eventId, int quantity) {
        return Map.of("eventId", eventId, "quantity", quantity, "idempotencyKey", "key-" + UUID.randomUUID());
    }
}
