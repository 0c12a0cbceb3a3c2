package dev.kippu.load.endpoints;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;

import java.util.Map;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** The booking operations the scenarios use. */
public final class Bookings {

    /** Session attributes: the booking asked for (key, quantity) and what the answer said (id, status). */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String QUANTITY = "quantity";
    public static final String BOOKING_ID = "bookingId";
    public static final String BOOKING_STATUS = "bookingStatus";
    public static final String SOLD_OUT = "SOLD_OUT";

    /** Books the session's {@code quantity} seats of its {@code eventId} under its {@code idempotencyKey}; sold out is an answer, not a failure. */
    public static final HttpRequestActionBuilder BOOK_SEATS = GraphQl.asUser("bookSeats", session -> Map.of("input", Map.of(
                    "eventId", session.getString(Events.EVENT_ID), "quantity", session.getInt(QUANTITY),
                    "idempotencyKey", session.getString(IDEMPOTENCY_KEY))), SOLD_OUT)
            .check(jsonPath("$.data.bookSeats.id").optional().saveAs(BOOKING_ID),
                    jsonPath("$.data.bookSeats.status").optional().saveAs(BOOKING_STATUS));

    private Bookings() {
    }
}
