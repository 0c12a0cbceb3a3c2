package dev.kippu.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kippu.account.CurrentUser;
import dev.kippu.account.Role;
import dev.kippu.common.NotFound;
import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;

/** The poller behind {@code seatsChanged}, against an in-memory store whose availability the test sets. */
class LiveSeatsTest {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final FakeEvents store = new FakeEvents();
    private final SeatPollers pollers = new SeatPollers(store, POLL);
    private final LiveSeats liveSeats = new LiveSeats(new EventService(store, null, List.of(), Clock.systemUTC()), pollers);

    @AfterEach
    void close() {
        pollers.close();
    }

    @Test
    void followersOfOneEventShareOnePollerAndGetOnlyDistinctChanges() {
        store.set(10, EventStatus.PUBLISHED);
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        Runnable stopFirst = feed().follow(first);
        assertThat(first.next()).isEqualTo(seats(10, EventStatus.PUBLISHED));
        Runnable stopSecond = feed().follow(second);
        assertThat(second.next()).as("the latest value, at once").isEqualTo(seats(10, EventStatus.PUBLISHED));
        assertThat(pollers.polledEvents()).isEqualTo(1);
        assertThat(pollers.followers("e1")).isEqualTo(2);

        long reads = pollers.reads();
        sleep(POLL.multipliedBy(10));
        assertThat(pollers.reads() - reads).as("one poller's reads, not two").isBetween(3L, 12L);
        first.nothingYet();

        store.set(7, EventStatus.PUBLISHED);
        assertThat(first.next()).isEqualTo(seats(7, EventStatus.PUBLISHED));
        assertThat(second.next()).isEqualTo(seats(7, EventStatus.PUBLISHED));

        stopFirst.run();
        stopFirst.run();
        assertThat(pollers.followers("e1")).isEqualTo(1);
        stopSecond.run();
        assertThat(pollers.polledEvents()).isZero();
        long afterLast = pollers.reads();
        sleep(POLL.multipliedBy(5));
        assertThat(pollers.reads()).as("no reads without followers").isLessThanOrEqualTo(afterLast + 1);
    }

    @Test
    void aFailedReadKeepsTheLastValueAndPollingGoesOn() {
        store.set(10, EventStatus.PUBLISHED);
        Recorder follower = new Recorder();
        feed().follow(follower);
        assertThat(follower.next().seatsRemaining()).isEqualTo(10);

        store.failing.set(new IllegalStateException("throttled"));
        long reads = pollers.reads();
        await(() -> pollers.reads() > reads + 3);
        follower.nothingYet();

        store.set(4, EventStatus.PUBLISHED);
        store.failing.set(null);
        assertThat(follower.next().seatsRemaining()).isEqualTo(4);
    }

    @Test
    void aCancelledEventIsTheLastWord() {
        store.set(10, EventStatus.PUBLISHED);
        Recorder follower = new Recorder();
        feed().follow(follower);
        follower.next();

        store.set(10, EventStatus.CANCELLED);
        assertThat(follower.next()).isEqualTo(seats(10, EventStatus.CANCELLED));
        assertThat(follower.wasFinished()).isTrue();
        assertThat(pollers.polledEvents()).isZero();
    }

    @Test
    void draftsAreFollowedOnlyByTheirOrganizer() {
        store.set(10, EventStatus.DRAFT);
        CurrentUser organizer = new CurrentUser("organizer-1", "organizer", Set.of(Role.ORGANIZER));
        CurrentUser someoneElse = new CurrentUser("organizer-2", "other", Set.of(Role.ORGANIZER));

        assertThat(liveSeats.feed(organizer, "e1").eventId()).isEqualTo("e1");
        assertThatThrownBy(() -> liveSeats.feed(someoneElse, "e1")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> liveSeats.feed(null, "e1")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> liveSeats.feed(null, "missing")).isInstanceOf(NotFound.class);
    }

    @Test
    void stoppingTheApplicationFinishesEveryFollower() {
        store.set(10, EventStatus.PUBLISHED);
        Recorder follower = new Recorder();
        feed().follow(follower);
        follower.next();

        pollers.close();

        assertThat(follower.wasFinished()).isTrue();
        Recorder late = new Recorder();
        feed().follow(late);
        assertThat(late.wasFinished()).isTrue();
    }

    private LiveSeats.Feed feed() {
        return liveSeats.feed(null, "e1");
    }

    private static SeatAvailability seats(int remaining, EventStatus status) {
        return new SeatAvailability("e1", remaining, status);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + WAIT).isLessThan(deadline);
            sleep(Duration.ofMillis(5));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What one follower was told. */
    private static final class Recorder implements SeatPollers.Follower {

        private static final SeatAvailability FINISHED = new SeatAvailability("finished", -1, EventStatus.CANCELLED);

        private final BlockingQueue<SeatAvailability> told = new LinkedBlockingQueue<>();

        @Override
        public void changed(SeatAvailability availability) {
            told.add(availability);
        }

        @Override
        public void finished() {
            told.add(FINISHED);
        }

        SeatAvailability next() {
            SeatAvailability value = poll(WAIT);
            assertThat(value).as("a change within " + WAIT).isNotNull().isNotSameAs(FINISHED);
            return value;
        }

        boolean wasFinished() {
            return poll(WAIT) == FINISHED;
        }

        void nothingYet() {
            assertThat(told).isEmpty();
        }

        private SeatAvailability poll(Duration wait) {
            try {
                return told.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** One event, {@code e1}, organized by {@code organizer-1}; only what {@link LiveSeats} uses. */
    private static final class FakeEvents implements Events {

        private final AtomicReference<SeatAvailability> availability = new AtomicReference<>();
        final AtomicReference<RuntimeException> failing = new AtomicReference<>();

        void set(int seatsRemaining, EventStatus status) {
            availability.set(new SeatAvailability("e1", seatsRemaining, status));
        }

        @Override
        public Optional<Event> find(String id) {
            SeatAvailability current = availability.get();
            if (!"e1".equals(id) || current == null) {
                return Optional.empty();
            }
            Instant start = Instant.now().plus(30, ChronoUnit.DAYS);
            return Optional.of(new Event("e1", "organizer-1", "Concert", "", "Hall", start, start.plus(3, ChronoUnit.HOURS),
                    10, current.seatsRemaining(), current.status(), null, Instant.now(), Instant.now(), 1));
        }

        @Override
        public Optional<SeatAvailability> availability(String eventId) {
            RuntimeException failure = failing.get();
            if (failure != null) {
                throw failure;
            }
            return "e1".equals(eventId) ? Optional.ofNullable(availability.get()) : Optional.empty();
        }

        @Override
        public Map<String, Event> findAll(Collection<String> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void create(Event event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Event> update(Event current, Event changed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Event> upcoming(Instant from, String search, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Event> byOrganizer(String organizerId, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    }
}
