package dev.kippu.container;

import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.kippu.container.Bookings.Answer;
import dev.kippu.container.Bookings.Outcome;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.RawHttp;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;

/**
 * The smallest size the stacks give it, 512 MiB (no swap), under a burst: the JVM sizes itself to
 * the container's limit and serves, rather than being killed by the kernel's OOM killer.
 */
class MemoryLimitIT {

    private static final int LIMIT_MIB = 512;
    private static final int BUYERS = 100;
    private static final int READERS = 100;

    @Test
    void underAMemoryLimitItServesABurstWithoutBeingKilled() throws Exception {
        TestUser organizer = TestUsers.organizer();
        List<TestUser> buyers = IntStream.range(0, BUYERS).mapToObj(i -> TestUsers.attendee()).toList();
        try (KippuContainer kippu = KippuImage.built().withSettings(KippuStandIns.shared().properties()).withMemoryLimitMiB(LIMIT_MIB).startService()) {
            long idle = kippu.memoryUsageBytes();
            String eventId = published(KippuApi.at(kippu.baseUrl()).as(organizer),
                    newEvent("Burst in 512 MiB " + UUID.randomUUID(), BUYERS * 2, Instant.now().plus(7, ChronoUnit.DAYS)));
            RawHttp http = KippuApi.at(kippu.baseUrl()).http();
            AtomicLong peak = new AtomicLong(idle);
            List<Future<Answer>> bookings = new ArrayList<>();
            List<Future<Integer>> reads = new ArrayList<>();
            try (ExecutorService burst = Executors.newVirtualThreadPerTaskExecutor()) {
                for (TestUser buyer : buyers) {
                    // retried as a client would: a burst on a shared two-core machine may outlast a request's 20 s
                    bookings.add(burst.submit(() -> Bookings.bookRetrying(kippu.baseUrl(), buyer, eventId, 2, 3)));
                }
                for (int i = 0; i < READERS; i++) {
                    reads.add(burst.submit(() -> http.query("{ events(first: 20) { edges { node { id title seatsRemaining organizer { displayName } } } } }").statusCode()));
                }
                burst.submit(() -> {
                    while (bookings.stream().anyMatch(booking -> !booking.isDone())) {
                        peak.accumulateAndGet(kippu.memoryUsageBytes(), Math::max);
                    }
                });
            }
            Map<Outcome, Long> outcomes = bookings.stream().map(Future::resultNow).collect(Collectors.groupingBy(Answer::outcome, Collectors.counting()));
            System.out.printf("Under a %d MiB limit: %d MiB idle after start, %d MiB at the most during a burst of %d bookings and %d reads: %s%n",
                    LIMIT_MIB, idle >> 20, peak.get() >> 20, BUYERS, READERS, outcomes);

            assertThat(outcomes).as("the refusals: %s", bookings.stream().map(Future::resultNow)
                    .filter(answer -> answer.outcome() != Outcome.CONFIRMED).map(Answer::detail).toList())
                    .containsExactly(Map.entry(Outcome.CONFIRMED, (long) BUYERS));
            assertThat(reads).extracting(Future::resultNow).containsOnly(200);
            assertThat(kippu.inspect().getState().getOOMKilled()).isFalse();
            assertThat(kippu.inspect().getState().getRunning()).isTrue();
        }
    }
}
