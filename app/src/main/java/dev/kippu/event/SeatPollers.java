package dev.kippu.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The polling engine behind {@link LiveSeats}, and its followers: bookings change the event item and
 * nothing else tells this instance, so it looks. While an event has followers here, <em>one</em>
 * poller reads its item (strongly consistent) every poll interval, however many follow it, and hands
 * each distinct availability to all of them. When the last follower stops, so does the poller; an
 * event nobody follows costs nothing. A cancelled event's last word is {@code CANCELLED}: its
 * followers are then finished. Followers and pollers share one lock, which is why they live together.
 * <p>
 * Plain Java on purpose: the transport adapts a follower to its own stream type. Followers are told
 * of changes while this holds its lock, so they must only hand the value on, never block. What it
 * costs ({@link #polledEvents}, {@link #followers}, {@link #reads}) is what the metrics show.
 */
@Component
public class SeatPollers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SeatPollers.class);

    /** Receives one event's availability; called with a lock held, so it must return at once. */
    public interface Follower {

        void changed(SeatAvailability availability);

        /** No more changes will come: the event was cancelled (its last availability said so), or the application stops. */
        void finished();
    }

    private final Events store;
    private final long pollMillis;
    private final ScheduledExecutorService timer;
    private final ExecutorService reads;
    private final AtomicLong readCount = new AtomicLong();

    /** Pollers by event id; guarded by {@code this}, like all their state. */
    private final Map<String, Poller> pollers = new HashMap<>();
    private boolean closed;

    SeatPollers(Events store, @Value("${kippu.live.poll-interval}") Duration pollInterval) {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("kippu.live.poll-interval must be positive");
        }
        this.store = store;
        this.pollMillis = pollInterval.toMillis();
        // The timer only starts reads; each read (blocking I/O) runs on a virtual thread of its own.
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("live-seats-timer").daemon().factory());
        this.reads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("live-seats-read-", 0).factory());
    }

    /** Events polled by this instance right now: one per followed event, whatever the number of followers. */
    public synchronized int polledEvents() {
        return pollers.size();
    }

    /** Followers of one event in this instance. */
    public synchronized int followers(String eventId) {
        Poller poller = pollers.get(eventId);
        return poller == null ? 0 : poller.followers.size();
    }

    /** Followers of all events in this instance. */
    public synchronized int followers() {
        return pollers.values().stream().mapToInt(poller -> poller.followers.size()).sum();
    }

    /** Reads of event items made for followers since start (each costs one strongly consistent read). */
    public long reads() {
        return readCount.get();
    }

    /** Finishes every follower and stops polling; the application is stopping. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            List.copyOf(pollers.values()).forEach(Poller::finish);
        }
        timer.shutdownNow();
        reads.shutdownNow();
    }

    /**
     * Delivers the event's current availability, then each change, until the returned action is run
     * (stopping twice is harmless) or the follower is finished.
     */
    public synchronized Runnable follow(String eventId, Follower follower) {
        if (closed) {
            follower.finished();
            return () -> { };
        }
        Poller poller = pollers.computeIfAbsent(eventId, Poller::new);
        poller.followers.add(follower);
        if (poller.latest != null) {
            poller.tell(follower, poller.latest);
        }
        AtomicBoolean stopped = new AtomicBoolean();
        return () -> {
            if (stopped.compareAndSet(false, true)) {
                unregister(poller, follower);
            }
        };
    }

    private synchronized void unregister(Poller poller, Follower follower) {
        if (poller.followers.remove(follower) && poller.followers.isEmpty()) {
            poller.stop();
        }
    }

    /** Reads one event's availability while it has followers; all its fields are guarded by the enclosing instance. */
    private final class Poller {

        private final String eventId;
        private final List<Follower> followers = new ArrayList<>();
        private SeatAvailability latest;
        private boolean stopped;
        private Future<?> next;
        private int failures;

        /** Created under the lock; reads at once, so the first follower's first value comes right away. */
        Poller(String eventId) {
            this.eventId = eventId;
            next = reads.submit(this::poll);
        }

        /** Runs on a virtual thread; the next read is scheduled when this one is done, so reads never overlap. */
        private void poll() {
            Optional<SeatAvailability> read;
            try {
                readCount.incrementAndGet();
                read = store.availability(eventId);
            } catch (RuntimeException e) {
                synchronized (SeatPollers.this) {
                    failures++;
                    if (failures == 1 || failures % 100 == 0) {
                        log.warn("Reading seats of event {} failed ({} in a row); followers keep the last value until a read succeeds",
                                eventId, failures, e);
                    }
                    scheduleNext();
                }
                return;
            }
            synchronized (SeatPollers.this) {
                if (stopped) {
                    return;
                }
                failures = 0;
                if (read.isEmpty()) {
                    finish();
                    return;
                }
                if (!read.get().equals(latest)) {
                    latest = read.get();
                    List.copyOf(followers).forEach(follower -> tell(follower, latest));
                }
                if (latest.status() == EventStatus.CANCELLED) {
                    finish();
                } else {
                    scheduleNext();
                }
            }
        }

        private void scheduleNext() {
            if (!stopped) {
                next = timer.schedule(() -> {
                    try {
                        reads.execute(this::poll);
                    } catch (RuntimeException rejectedAtShutdown) {
                        log.debug("Not reading seats of event {}: stopping", eventId);
                    }
                }, pollMillis, TimeUnit.MILLISECONDS);
            }
        }

        private void tell(Follower follower, SeatAvailability availability) {
            try {
                follower.changed(availability);
            } catch (RuntimeException e) {
                log.warn("A follower of event {} failed to take a change; it is dropped", eventId, e);
                followers.remove(follower);
                if (followers.isEmpty()) {
                    stop();
                }
            }
        }

        /** The last follower left: stop reading and forget the event. */
        private void stop() {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
            pollers.remove(eventId, this);
        }

        /** No more changes: stop, then tell every follower. */
        private void finish() {
            List<Follower> all = List.copyOf(followers);
            followers.clear();
            stop();
            for (Follower follower : all) {
                try {
                    follower.finished();
                } catch (RuntimeException e) {
                    log.warn("A follower of event {} failed to finish", eventId, e);
                }
            }
        }
    }
}
