package dev.kippu.load.groups;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;

import java.time.Duration;
import java.util.UUID;

import dev.kippu.load.endpoints.Bookings;
import dev.kippu.load.endpoints.GraphQl;
import dev.kippu.load.results.Outcomes;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

/**
 * A buyer books the session's {@code quantity} seats of its {@code eventId}: one attempt with a
 * fresh idempotency key, tried again with the same key (up to {@value #MAX_TRIES} times) when the
 * answer was lost or the server failed, as a client must so that a retry never books twice.
 */
public final class Book {

    static final int MAX_TRIES = 3;
    private static final String TRIES = "bookingTries";

    public static final ChainBuilder BOOK = group("book").on(
            exec(session -> session.set(Bookings.IDEMPOTENCY_KEY, "load-" + UUID.randomUUID()).set(TRIES, 0))
                    .asLongAs(Book::triesAgain).on(
                            exec(session -> session.set(TRIES, session.getInt(TRIES) + 1).removeAll(Bookings.BOOKING_ID, Bookings.BOOKING_STATUS))
                                    .doIf(session -> session.getInt(TRIES) > 1).then(pause(Duration.ofMillis(200)))
                                    .exec(Outcomes.recorded(Bookings.BOOK_SEATS, "bookSeats"))
                                    .exec(session -> {
                                        if ("CONFIRMED".equals(session.getString(Bookings.BOOKING_STATUS))) {
                                            Outcomes.confirmed(session.getString(Bookings.BOOKING_ID), session.getInt(Bookings.QUANTITY));
                                        }
                                        return session;
                                    })));

    private Book() {
    }

    /** The first try, or another after one whose outcome is unknown or the server's fault; never after an answer. */
    static boolean triesAgain(Session session) {
        int tries = session.getInt(TRIES);
        if (tries == 0) {
            return true;
        }
        if (tries >= MAX_TRIES || !session.isFailed()) {
            return false;
        }
        if (!session.contains(GraphQl.HTTP_STATUS)) {
            return true;
        }
        int status = session.getInt(GraphQl.HTTP_STATUS);
        return status >= 500 || status == 408 || "INTERNAL".equals(session.getString(GraphQl.ERROR_CODE));
    }
}
