package dev.kippu;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import dev.kippu.account.UserProfile;
import dev.kippu.booking.Booking;
import dev.kippu.event.Event;
import dev.kippu.event.SeatAvailability;
import dev.kippu.media.UploadTicket;
import dev.kippu.platform.graphql.Connection;
import dev.kippu.platform.timeouts.TimeoutsFailureAnalyzer;

/**
 * What Spring AOT cannot see by itself, for the native executable: things found by name or read by
 * reflection at run time. Each hint is checked by {@code KippuRuntimeHintsTest}; the GraphQL
 * schema, the configuration properties and the controllers' arguments AOT registers itself.
 */
class KippuRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        // the e-mail texts: a resource bundle that EmailComposer looks up by name, per locale
        hints.resources().registerResourceBundle("notifications/messages");
        // listed in META-INF/spring.factories, made by reflection when a start fails
        hints.reflection().registerType(TimeoutsFailureAnalyzer.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        // what graphql-java reads by property: every type the schema's fields return, with their components
        new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), Event.class, Booking.class, UserProfile.class,
                SeatAvailability.class, UploadTicket.class, Connection.class, Connection.Edge.class, Connection.PageInfo.class);
    }
}
