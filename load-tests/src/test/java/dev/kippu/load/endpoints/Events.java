package dev.kippu.load.endpoints;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;

import java.util.Map;

import dev.kippu.contract.EventInputs;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** The event operations the scenarios use. */
public final class Events {

    /** Session attributes: the ids the listing showed, the event to open or book, the event an organizer just made. */
    public static final String LISTED_IDS = "listedEventIds";
    public static final String EVENT_ID = "eventId";
    public static final String CREATED_ID = "createdEventId";

    /** The first page of upcoming published events, as a visitor sees it; saves their ids. */
    public static final HttpRequestActionBuilder LIST = GraphQl.anonymous("events", session -> Map.of("first", 20))
            .check(jsonPath("$.data.events.edges[*].node.id").findAll().optional().saveAs(LISTED_IDS));

    /** One event, by the session's {@code eventId}. */
    public static final HttpRequestActionBuilder OPEN = GraphQl.anonymous("event", session -> Map.of("id", session.getString(EVENT_ID)))
            .check(jsonPath("$.data.event.id").isEL("#{" + EVENT_ID + "}"));

    /** A new draft by the session's organizer, a month ahead; saves its id. */
    public static final HttpRequestActionBuilder CREATE = GraphQl.asUser("createEvent", session -> Map.of("input", EventInputs.newEvent(200)))
            .check(jsonPath("$.data.createEvent.id").optional().saveAs(CREATED_ID));

    /** Publishes the draft the session's organizer made. */
    public static final HttpRequestActionBuilder PUBLISH = GraphQl.asUser("publishEvent", session -> Map.of("id", session.getString(CREATED_ID)))
            .check(jsonPath("$.data.publishEvent.status").is("PUBLISHED"));

    private Events() {
    }
}
