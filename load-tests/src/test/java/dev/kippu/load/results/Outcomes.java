package dev.kippu.load.results;

import static io.gatling.javaapi.core.CoreDsl.exec;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.kippu.load.endpoints.GraphQl;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * What the answers of one run said, beyond Gatling's OK/KO: failures by kind (the GraphQL error
 * code, the HTTP status, no response, a failed check) and expected refusals (sold out) per
 * operation, every answer on the run's {@link Timeline}, and the bookings confirmed to the buyers.
 * Gatling runs in LoadRun's JVM, which reads them after the run; {@link #reset} starts the next run
 * from nothing.
 */
public final class Outcomes {

    private static final Map<String, Map<String, LongAdder>> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, LongAdder>> REFUSALS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> CONFIRMED = new ConcurrentHashMap<>();
    private static volatile Timeline timeline = new Timeline(System.currentTimeMillis());

    private Outcomes() {
    }

    /** {@code request} with its answer tallied by kind afterwards. */
    public static ChainBuilder recorded(HttpRequestActionBuilder request, String operation) {
        return exec(session -> session.markAsSucceeded().removeAll(GraphQl.HTTP_STATUS, GraphQl.ERROR_CODE, GraphQl.RESPONSE_MILLIS))
                .exec(request)
                .exec(session -> {
                    tally(operation, session);
                    return session;
                });
    }

    static void tally(String operation, Session session) {
        timeline.record(System.currentTimeMillis(), session.isFailed(),
                session.contains(GraphQl.RESPONSE_MILLIS) ? session.getLong(GraphQl.RESPONSE_MILLIS) : -1);
        String code = session.contains(GraphQl.ERROR_CODE) ? session.getString(GraphQl.ERROR_CODE) : GraphQl.NO_ERROR;
        if (session.isFailed()) {
            count(FAILURES, operation, failureKind(session, code));
        } else if (!code.equals(GraphQl.NO_ERROR)) {
            count(REFUSALS, operation, code);
        }
    }

    private static String failureKind(Session session, String code) {
        if (!session.contains(GraphQl.HTTP_STATUS)) {
            return "no response";
        }
        int status = session.getInt(GraphQl.HTTP_STATUS);
        if (status != 200) {
            return "HTTP " + status;
        }
        return code.equals(GraphQl.NO_ERROR) ? "unexpected answer" : code;
    }

    /** A booking the API answered CONFIRMED, with its quantity. */
    public static void confirmed(String bookingId, int quantity) {
        CONFIRMED.put(bookingId, quantity);
    }

    public static Map<String, Map<String, Long>> failures() {
        return snapshot(FAILURES);
    }

    public static Map<String, Map<String, Long>> refusals() {
        return snapshot(REFUSALS);
    }

    public static Map<String, Integer> confirmedBookings() {
        return Map.copyOf(CONFIRMED);
    }

    public static Timeline timeline() {
        return timeline;
    }

    /** Forgets the last run; the next one's timeline starts at {@code startMillis} (epoch). */
    public static void reset(long startMillis) {
        timeline = new Timeline(startMillis);
        FAILURES.clear();
        REFUSALS.clear();
        CONFIRMED.clear();
    }

    private static void count(Map<String, Map<String, LongAdder>> tally, String operation, String kind) {
        tally.computeIfAbsent(operation, key -> new ConcurrentHashMap<>()).computeIfAbsent(kind, key -> new LongAdder()).increment();
    }

    private static Map<String, Map<String, Long>> snapshot(Map<String, Map<String, LongAdder>> tally) {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        tally.forEach((operation, kinds) -> {
            Map<String, Long> counts = new TreeMap<>();
            kinds.forEach((kind, count) -> counts.put(kind, count.sum()));
            copy.put(operation, counts);
        });
        return copy;
    }
}
