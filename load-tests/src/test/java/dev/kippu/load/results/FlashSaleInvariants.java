package dev.kippu.load.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What must hold after a flash sale, read back from the API: seats sold never exceed capacity,
 * sold = capacity − seatsRemaining, and every booking a buyer was told is CONFIRMED is one the
 * organizer lists as confirmed, with the same quantity.
 */
public final class FlashSaleInvariants {

    private FlashSaleInvariants() {
    }

    /** A booking as the organizer lists it. */
    public record ListedBooking(String id, int quantity, String status) {
    }

    public record Result(boolean passed, int capacity, int seatsRemaining, int seatsSold, int listedConfirmed, int confirmedAnswers,
                         List<String> violations) {
    }

    /** @param confirmedAnswers the bookings the buyers were answered CONFIRMED, by id, with their quantities */
    public static Result check(int capacity, int seatsRemaining, List<ListedBooking> listed, Map<String, Integer> confirmedAnswers) {
        Map<String, Integer> listedConfirmed = listed.stream().filter(booking -> booking.status().equals("CONFIRMED"))
                .collect(Collectors.toMap(ListedBooking::id, ListedBooking::quantity, Integer::sum));
        int sold = listedConfirmed.values().stream().mapToInt(Integer::intValue).sum();
        List<String> violations = new ArrayList<>();
        if (sold > capacity) {
            violations.add("oversold: the organizer lists " + sold + " confirmed seats for a capacity of " + capacity);
        }
        if (sold != capacity - seatsRemaining) {
            violations.add("the event says " + seatsRemaining + " of " + capacity + " seats remain, but its confirmed bookings hold " + sold);
        }
        Set<String> unlisted = confirmedAnswers.keySet().stream().filter(id -> !listedConfirmed.containsKey(id)).collect(Collectors.toCollection(TreeSet::new));
        if (!unlisted.isEmpty()) {
            violations.add(unlisted.size() + " bookings answered CONFIRMED are not among the organizer's confirmed bookings: " + unlisted);
        }
        Set<String> otherQuantity = confirmedAnswers.entrySet().stream()
                .filter(answer -> listedConfirmed.containsKey(answer.getKey()) && !listedConfirmed.get(answer.getKey()).equals(answer.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        if (!otherQuantity.isEmpty()) {
            violations.add(otherQuantity.size() + " bookings answered CONFIRMED are listed with another quantity: " + otherQuantity);
        }
        return new Result(violations.isEmpty(), capacity, seatsRemaining, sold, listedConfirmed.size(), confirmedAnswers.size(), List.copyOf(violations));
    }
}
