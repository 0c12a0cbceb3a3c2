package dev.kippu.event.graphql;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import dev.kippu.account.AccountService;
import dev.kippu.account.CurrentUser;
import dev.kippu.account.UserProfile;
import dev.kippu.common.PageRequest;
import dev.kippu.event.CreateEvent;
import dev.kippu.event.Event;
import dev.kippu.event.EventService;
import dev.kippu.event.UpdateEvent;
import dev.kippu.platform.graphql.Connection;

/** Events in the GraphQL API. */
@Controller
class EventController {

    private final EventService events;
    private final AccountService accounts;

    EventController(EventService events, AccountService accounts) {
        this.events = events;
        this.accounts = accounts;
    }

    @QueryMapping
    Event event(@Argument String id, @Nullable CurrentUser user) {
        return events.find(user, id).orElse(null);
    }

    @QueryMapping
    Connection<Event> events(@Argument Integer first, @Argument String after, @Argument Instant from, @Argument String search) {
        return Connection.of(events.upcoming(from, search, PageRequest.of(first, after)));
    }

    @QueryMapping
    Connection<Event> myEvents(CurrentUser user, @Argument Integer first, @Argument String after) {
        return Connection.of(events.organizedBy(user, PageRequest.of(first, after)));
    }

    @MutationMapping
    Event createEvent(CurrentUser user, @Argument CreateEvent input) {
        return events.create(user, input);
    }

    @MutationMapping
    Event updateEvent(CurrentUser user, @Argument String id, @Argument UpdateEvent input) {
        return events.update(user, id, input);
    }

    @MutationMapping
    Event publishEvent(CurrentUser user, @Argument String id) {
        return events.publish(user, id);
    }

    @MutationMapping
    Event cancelEvent(CurrentUser user, @Argument String id, @Argument String reason) {
        return events.cancel(user, id, reason);
    }

    /** Organizers of a whole page of events in one batched read. */
    @BatchMapping(typeName = "Event")
    Map<Event, UserProfile> organizer(List<Event> page) {
        Map<String, UserProfile> profiles = accounts.profiles(page.stream().map(Event::organizerId).toList());
        return page.stream().collect(Collectors.toMap(Function.identity(), event -> profiles.getOrDefault(event.organizerId(),
                UserProfile.unknown(event.organizerId())), (first, second) -> first));
    }
}
