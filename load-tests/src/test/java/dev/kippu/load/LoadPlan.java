package dev.kippu.load;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.kippu.load.config.Profile;

/**
 * What LoadRun hands the simulation, which Gatling instantiates by its class name: where Kippu
 * answers, the profile, the attendees' and organizer's access tokens, the event the buyers book.
 */
public record LoadPlan(URI baseUrl, Profile profile, List<String> attendeeTokens, String organizerToken, String saleEventId) {

    private static volatile LoadPlan current;

    static void set(LoadPlan plan) {
        current = plan;
    }

    static LoadPlan current() {
        if (current == null) {
            throw new IllegalStateException("LoadSimulation runs from LoadRun, which mints the users and prepares the event first");
        }
        return current;
    }

    List<Map<String, Object>> attendeeFeed() {
        return attendeeTokens.stream().<Map<String, Object>>map(token -> Map.of("accessToken", token)).toList();
    }
}
