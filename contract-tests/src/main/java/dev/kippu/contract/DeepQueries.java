package dev.kippu.contract;

/** Queries as deep as a test needs, for the depth limit (14 levels allowed). */
public final class DeepQueries {

    private DeepQueries() {
    }

    /**
     * A query {@code 2 + 4 * rounds} levels deep: event > bookings > edges > node > event > ... > id.
     * Each connection asks for one item, so only the depth is large.
     */
    public static String nested(int rounds) {
        return "query { event(id: \"no-such-event\") {"
                + " bookings(first: 1) { edges { node { event {".repeat(rounds)
                + " id" + " }".repeat(1 + 4 * rounds) + " }";
    }
}
