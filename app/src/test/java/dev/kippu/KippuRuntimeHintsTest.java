package dev.kippu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.aot.hint.predicate.RuntimeHintsPredicates.reflection;
import static org.springframework.aot.hint.predicate.RuntimeHintsPredicates.resource;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;

import dev.kippu.account.UserProfile;
import dev.kippu.booking.Booking;
import dev.kippu.event.Event;
import dev.kippu.event.SeatAvailability;
import dev.kippu.media.UploadTicket;
import dev.kippu.platform.graphql.Connection;
import dev.kippu.platform.timeouts.TimeoutsFailureAnalyzer;

/** Each of KippuRuntimeHints' hints, as a native image would need it. */
class KippuRuntimeHintsTest {

    private final RuntimeHints hints = new RuntimeHints();

    KippuRuntimeHintsTest() {
        new KippuRuntimeHints().registerHints(hints, getClass().getClassLoader());
    }

    @Test
    void theEMailTextsAreIncludedInEveryLanguage() {
        assertThat(resource().forBundle("notifications/messages")).accepts(hints);
        assertThat(ResourceBundle.getBundle("notifications/messages", Locale.JAPANESE).getLocale()).isEqualTo(Locale.JAPANESE);
    }

    @Test
    void theFailureAnalyzerCanBeMadeByReflection() {
        assertThat(reflection().onType(TimeoutsFailureAnalyzer.class).withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(hints);
    }

    @Test
    void graphQlCanReadEveryReturnedTypesProperties() throws NoSuchMethodException {
        for (Class<?> type : new Class<?>[] {Event.class, Booking.class, UserProfile.class, SeatAvailability.class, UploadTicket.class,
                UploadTicket.Header.class, Connection.class, Connection.Edge.class, Connection.PageInfo.class}) {
            assertThat(reflection().onType(type)).as(type.getName()).accepts(hints);
        }
        assertThat(reflection().onMethodInvocation(Event.class.getMethod("seatsRemaining"))).accepts(hints);
        assertThat(reflection().onMethodInvocation(Connection.Edge.class.getMethod("node"))).accepts(hints);
        assertThat(reflection().onMethodInvocation(UploadTicket.Header.class.getMethod("value"))).accepts(hints);
    }
}
