package dev.kippu.contract.event;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.draft;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import dev.kippu.contract.ContractTest;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;

@ContractTest
class EventApiTest {

    private static TestUser organizer;
    private static TestUser otherOrganizer;
    private static TestUser attendee;

    private final KippuApi api;

    EventApiTest(KippuApi api) {
        this.api = api;
    }

    @BeforeAll
    static void users() {
        organizer = TestUsers.organizer();
        otherOrganizer = TestUsers.organizer();
        attendee = TestUsers.attendee();
    }


    @Test
    void organizerCreatesADraftWithAllSeatsFree() {
        Map<String, Object> input = newEvent(120);
        api.as(organizer).documentName("createEvent").variable("input", input).execute()
                .path("createEvent.title").entity(String.class).isEqualTo((String) input.get("title"))
                .path("createEvent.status").entity(String.class).isEqualTo("DRAFT")
                .path("createEvent.capacity").entity(Integer.class).isEqualTo(120)
                .path("createEvent.seatsRemaining").entity(Integer.class).isEqualTo(120)
                .path("createEvent.organizer.id").entity(String.class).isEqualTo(organizer.id())
                .path("createEvent.organizer.displayName").entity(String.class).isEqualTo(organizer.displayName());
    }

    @Test
    void onlyOrganizersCreateEvents() {
        api.as(attendee).documentName("createEvent").variable("input", newEvent(10)).execute()
                .errors().expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
        api.anonymous().documentName("createEvent").variable("input", newEvent(10)).execute()
                .errors().expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void invalidInputIsRefusedFieldByField() {
        Map<String, Object> input = newEvent("", 0, Instant.now().minus(1, ChronoUnit.DAYS));
        input.put("venue", "x".repeat(201));
        api.as(organizer).documentName("createEvent").variable("input", input).execute()
                .errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))
                        && fields(error.getExtensions()).containsAll(List.of("title", "venue", "capacity"))).verify();
        Map<String, Object> inThePast = newEvent("Yesterday", 10, Instant.now().minus(1, ChronoUnit.DAYS));
        api.as(organizer).documentName("createEvent").variable("input", inThePast).execute()
                .errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))
                        && fields(error.getExtensions()).contains("startsAt")).verify();
    }

    @Test
    void draftsAreSeenOnlyByTheirOrganizer() {
        String id = draft(api.as(organizer), newEvent(10));
        api.as(organizer).documentName("event").variable("id", id).execute().path("event.id").entity(String.class).isEqualTo(id);
        api.as(attendee).documentName("event").variable("id", id).execute().path("event").valueIsNull();
        api.anonymous().documentName("event").variable("id", id).execute().path("event").valueIsNull();
        api.anonymous().documentName("event").variable("id", UUID.randomUUID().toString()).execute().path("event").valueIsNull();
    }

    @Test
    void anOrganizerShownOnAnEventIsAPublicProfile() {
        String id = published(api.as(organizer), 10);
        api.as(attendee).documentName("event").variable("id", id).execute()
                .path("event.organizer.displayName").entity(String.class).isEqualTo(organizer.displayName())
                .path("event.organizer.email").valueIsNull()
                .path("event.organizer.roles").entityList(String.class).hasSize(0);
    }

    @Test
    void onlyTheOwnerChangesAnEvent() {
        String id = draft(api.as(organizer), newEvent(10));
        api.as(organizer).documentName("updateEvent").variable("id", id).variable("input", Map.of("title", "Renamed", "capacity", 20)).execute()
                .path("updateEvent.title").entity(String.class).isEqualTo("Renamed")
                .path("updateEvent.seatsRemaining").entity(Integer.class).isEqualTo(20);
        api.as(otherOrganizer).documentName("publishEvent").variable("id", id).execute()
                .errors().expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))).verify();
        api.as(organizer).documentName("publishEvent").variable("id", id).execute().path("publishEvent.status").entity(String.class).isEqualTo("PUBLISHED");
        api.as(otherOrganizer).documentName("updateEvent").variable("id", id).variable("input", Map.of("title", "Mine")).execute()
                .errors().expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
        api.as(otherOrganizer).documentName("cancelEvent").variable("id", id).execute()
                .errors().expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
        api.as(organizer).documentName("updateEvent").variable("id", UUID.randomUUID().toString()).variable("input", Map.of("title", "x")).execute()
                .errors().expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void capacityNeverGoesBelowTheSeatsSold() {
        String id = published(api.as(organizer), 10);
        api.as(attendee).documentName("bookSeats").variable("input", booking(id, 4)).execute().path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
        api.as(organizer).documentName("updateEvent").variable("id", id).variable("input", Map.of("capacity", 3)).execute()
                .errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code")) && fields(error.getExtensions()).contains("capacity")).verify();
        api.as(organizer).documentName("updateEvent").variable("id", id).variable("input", Map.of("capacity", 4)).execute()
                .path("updateEvent.capacity").entity(Integer.class).isEqualTo(4)
                .path("updateEvent.seatsRemaining").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void cancellingAnEventCancelsItsBookings() {
        String id = published(api.as(organizer), 10);
        String bookingId = api.as(attendee).documentName("bookSeats").variable("input", booking(id, 2)).execute()
                .path("bookSeats.id").entity(String.class).get();
        api.as(organizer).documentName("cancelEvent").variable("id", id).variable("reason", "The band is ill.").execute()
                .path("cancelEvent.status").entity(String.class).isEqualTo("CANCELLED");
        api.as(organizer).documentName("eventBookings").variable("id", id).execute()
                .path("event.bookings.edges[0].node.id").entity(String.class).isEqualTo(bookingId)
                .path("event.bookings.edges[0].node.status").entity(String.class).isEqualTo("CANCELLED");
        api.as(organizer).documentName("publishEvent").variable("id", id).execute()
                .errors().expect(error -> "CONFLICT".equals(error.getExtensions().get("code"))).verify();
        api.as(organizer).documentName("cancelEvent").variable("id", id).execute()
                .path("cancelEvent.status").entity(String.class).isEqualTo("CANCELLED");
    }

    @Test
    void upcomingEventsArePagedByStartTimeAcrossMonths() {
        String tag = "paging" + UUID.randomUUID().toString().substring(0, 6);
        Instant base = Instant.now().plus(400, ChronoUnit.DAYS);
        List<String> expected = List.of(
                published(api.as(organizer), newEvent(tag + " A", 5, base)),
                published(api.as(organizer), newEvent(tag + " B", 5, base.plus(20, ChronoUnit.DAYS))),
                published(api.as(organizer), newEvent(tag + " C", 5, base.plus(45, ChronoUnit.DAYS))),
                published(api.as(organizer), newEvent(tag + " D", 5, base.plus(80, ChronoUnit.DAYS))));
        draft(api.as(organizer), newEvent(tag + " draft", 5, base.plus(1, ChronoUnit.DAYS)));

        GraphQlTester.Response first = api.anonymous().documentName("events")
                .variable("first", 3).variable("search", tag.toUpperCase()).variable("from", base.minus(1, ChronoUnit.DAYS).toString()).execute();
        first.path("events.edges[*].node.id").entityList(String.class).containsExactly(expected.subList(0, 3).toArray(String[]::new));
        first.path("events.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("events.pageInfo.endCursor").entity(String.class).get();

        api.anonymous().documentName("events").variable("first", 3).variable("after", cursor).variable("search", tag)
                .variable("from", base.minus(1, ChronoUnit.DAYS).toString()).execute()
                .path("events.edges[*].node.id").entityList(String.class).containsExactly(expected.get(3))
                .path("events.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        api.anonymous().documentName("events").variable("search", tag).variable("from", base.plus(30, ChronoUnit.DAYS).toString()).execute()
                .path("events.edges[*].node.id").entityList(String.class).containsExactly(expected.get(2), expected.get(3));
    }

    @Test
    void badPagingArgumentsAreRefused() {
        api.anonymous().documentName("events").variable("first", 101).execute()
                .errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))).verify();
        api.anonymous().documentName("events").variable("after", "bm90LWEtY3Vyc29y").execute()
                .errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void myEventsListsAnOrganizersOwnEventsOfAnyStatusNewestFirst() {
        TestUser fresh = TestUsers.organizer();
        String older = draft(api.as(fresh), newEvent(5));
        String newer = published(api.as(fresh), 5);
        api.as(fresh).documentName("myEvents").execute()
                .path("myEvents.edges[*].node.id").entityList(String.class).containsExactly(newer, older);
        api.as(attendee).documentName("myEvents").execute()
                .errors().expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> extensions) {
        return ((List<Map<String, Object>>) extensions.getOrDefault("fields", List.of())).stream().map(f -> (String) f.get("field")).toList();
    }
}
