package dev.kippu.contract.booking;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.draft;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.kippu.contract.ContractTest;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;

@ContractTest
class BookingApiTest {

    private static TestUser organizer;
    private static TestUser attendee;
    private static TestUser otherAttendee;

    private final KippuApi api;

    BookingApiTest(KippuApi api) {
        this.api = api;
    }

    @BeforeAll
    static void users() {
        organizer = TestUsers.organizer();
        attendee = TestUsers.attendee();
        otherAttendee = TestUsers.attendee();
    }


    @Test
    void bookingTakesSeatsFromTheEvent() {
        String eventId = published(api.as(organizer), 10);
        api.as(attendee).documentName("bookSeats").variable("input", booking(eventId, 3)).execute()
                .path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED")
                .path("bookSeats.quantity").entity(Integer.class).isEqualTo(3)
                .path("bookSeats.cancelledAt").valueIsNull()
                .path("bookSeats.event.seatsRemaining").entity(Integer.class).isEqualTo(7);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstBooking() {
        String eventId = published(api.as(organizer), 10);
        Map<String, Object> input = booking(eventId, 2);
        String first = api.as(attendee).documentName("bookSeats").variable("input", input).execute().path("bookSeats.id").entity(String.class).get();
        api.as(attendee).documentName("bookSeats").variable("input", input).execute()
                .path("bookSeats.id").entity(String.class).isEqualTo(first)
                .path("bookSeats.event.seatsRemaining").entity(Integer.class).isEqualTo(8);

        Map<String, Object> otherQuantity = new HashMap<>(input);
        otherQuantity.put("quantity", 3);
        api.as(attendee).documentName("bookSeats").variable("input", otherQuantity).execute()
                .errors().expect(error -> "CONFLICT".equals(error.getExtensions().get("code"))).verify();

        api.as(otherAttendee).documentName("bookSeats").variable("input", input).execute()
                .path("bookSeats.id").entity(String.class).satisfies(id -> org.assertj.core.api.Assertions.assertThat(id).isNotEqualTo(first));
    }

    @Test
    void askingForMoreSeatsThanRemainIsSoldOut() {
        String eventId = published(api.as(organizer), 3);
        api.as(attendee).documentName("bookSeats").variable("input", booking(eventId, 4)).execute()
                .errors().expect(error -> "SOLD_OUT".equals(error.getExtensions().get("code"))).verify();
        api.as(attendee).documentName("bookSeats").variable("input", booking(eventId, 3)).execute()
                .path("bookSeats.event.seatsRemaining").entity(Integer.class).isEqualTo(0);
        api.as(otherAttendee).documentName("bookSeats").variable("input", booking(eventId, 1)).execute()
                .errors().expect(error -> "SOLD_OUT".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void onlyPublishedEventsTakeBookings() {
        String draftId = draft(api.as(organizer), newEvent(5));
        api.as(attendee).documentName("bookSeats").variable("input", booking(draftId, 1)).execute()
                .errors().expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))).verify();
        api.as(organizer).documentName("bookSeats").variable("input", booking(draftId, 1)).execute()
                .errors().expect(error -> "EVENT_NOT_BOOKABLE".equals(error.getExtensions().get("code"))).verify();

        String cancelledId = published(api.as(organizer), 5);
        api.as(organizer).documentName("cancelEvent").variable("id", cancelledId).execute().path("cancelEvent.status").entity(String.class).isEqualTo("CANCELLED");
        api.as(attendee).documentName("bookSeats").variable("input", booking(cancelledId, 1)).execute()
                .errors().expect(error -> "EVENT_NOT_BOOKABLE".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void invalidBookingInputIsRefused() {
        String eventId = published(api.as(organizer), 5);
        api.as(attendee).documentName("bookSeats").variable("input", Map.of("eventId", eventId, "quantity", 11, "idempotencyKey", "short")).execute()
                .errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))
                        && error.getMessage().contains("quantity") && error.getMessage().contains("idempotencyKey")).verify();
        api.as(attendee).documentName("eventBookings").variable("id", eventId).execute()
                .errors().expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void cancellingABookingGivesTheSeatsBack() {
        String eventId = published(api.as(organizer), 5);
        String bookingId = api.as(attendee).documentName("bookSeats").variable("input", booking(eventId, 2)).execute()
                .path("bookSeats.id").entity(String.class).get();
        api.as(otherAttendee).documentName("cancelBooking").variable("id", bookingId).execute()
                .errors().expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
        api.as(attendee).documentName("cancelBooking").variable("id", bookingId).execute()
                .path("cancelBooking.status").entity(String.class).isEqualTo("CANCELLED")
                .path("cancelBooking.cancelledAt").hasValue()
                .path("cancelBooking.event.seatsRemaining").entity(Integer.class).isEqualTo(5);
        api.as(attendee).documentName("cancelBooking").variable("id", bookingId).execute()
                .path("cancelBooking.event.seatsRemaining").entity(Integer.class).isEqualTo(5);
        api.as(attendee).documentName("cancelBooking").variable("id", UUID.randomUUID().toString()).execute()
                .errors().expect(error -> "NOT_FOUND".equals(error.getExtensions().get("code"))).verify();
    }

    @Test
    void myBookingsAreNewestFirstAndPaged() {
        TestUser fan = TestUsers.attendee();
        String eventId = published(api.as(organizer), 20);
        String first = api.as(fan).documentName("bookSeats").variable("input", booking(eventId, 1)).execute().path("bookSeats.id").entity(String.class).get();
        String second = api.as(fan).documentName("bookSeats").variable("input", booking(eventId, 1)).execute().path("bookSeats.id").entity(String.class).get();
        String third = api.as(fan).documentName("bookSeats").variable("input", booking(eventId, 1)).execute().path("bookSeats.id").entity(String.class).get();

        var page = api.as(fan).documentName("myBookings").variable("first", 2).execute();
        page.path("myBookings.edges[*].node.id").entityList(String.class).containsExactly(third, second);
        page.path("myBookings.edges[0].node.event.id").entity(String.class).isEqualTo(eventId);
        String cursor = page.path("myBookings.pageInfo.endCursor").entity(String.class).get();
        api.as(fan).documentName("myBookings").variable("first", 2).variable("after", cursor).execute()
                .path("myBookings.edges[*].node.id").entityList(String.class).containsExactly(first)
                .path("myBookings.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        api.as(attendee).documentName("myBookings").variable("after", cursor).execute()
                .errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))).verify();

        api.as(organizer).documentName("eventBookings").variable("id", eventId).variable("first", 10).execute()
                .path("event.bookings.edges[*].node.id").entityList(String.class).containsExactly(first, second, third);
    }
}
