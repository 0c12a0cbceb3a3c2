package dev.kippu.event.graphql;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import dev.kippu.account.CurrentUser;
import dev.kippu.event.LiveSeats;
import dev.kippu.event.SeatPollers;
import dev.kippu.event.SeatAvailability;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/** {@code seatsChanged}: the use case's follower as a Reactor stream, which is what Spring GraphQL sends over WebSocket. */
@Controller
class LiveSeatsController {

    private final LiveSeats liveSeats;

    LiveSeatsController(LiveSeats liveSeats) {
        this.liveSeats = liveSeats;
    }

    /**
     * Who may follow the event is checked now, so that a refusal ({@code NOT_FOUND}) is an ordinary
     * GraphQL error. Following starts when the stream is subscribed and stops when it is cancelled
     * (the client completes it, the connection closes). A slow client gets the latest value, not a
     * backlog: each value replaces the ones it did not take yet.
     */
    @SubscriptionMapping
    Flux<SeatAvailability> seatsChanged(@Argument String eventId, @Nullable CurrentUser user) {
        LiveSeats.Feed feed = liveSeats.feed(user, eventId);
        return Flux.create(sink -> {
            Runnable stop = feed.follow(new SeatPollers.Follower() {
                @Override
                public void changed(SeatAvailability availability) {
                    sink.next(availability);
                }

                @Override
                public void finished() {
                    sink.complete();
                }
            });
            sink.onDispose(stop::run);
        }, FluxSink.OverflowStrategy.LATEST);
    }
}
