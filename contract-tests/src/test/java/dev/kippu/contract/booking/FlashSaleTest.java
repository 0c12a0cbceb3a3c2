package dev.kippu.contract.booking;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import dev.kippu.contract.ContractTest;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;

/** A flash sale: many buyers at the same instant, never a seat sold twice. */
@ContractTest
class FlashSaleTest {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleTest.class);

    private final KippuApi api;

    FlashSaleTest(KippuApi api) {
        this.api = api;
    }

    @Test
    void twoHundredBuyersForFiftySeatsSellExactlyFifty() throws Exception {
        TestUser organizer = TestUsers.organizer();
        String eventId = published(api.as(organizer), 50);
        List<TestUser> buyers = IntStream.range(0, 200).parallel().mapToObj(i -> TestUsers.attendee()).toList();

        List<Outcome> outcomes = all(buyers.stream().map(buyer -> (Callable<Outcome>) () -> {
            long start = System.nanoTime();
            GraphQlTester.Response response = api.as(buyer).documentName("bookSeats").variable("input", booking(eventId, 1)).execute();
            long micros = (System.nanoTime() - start) / 1_000;
            List<ResponseError> errors = new ArrayList<>();
            response.errors().satisfy(errors::addAll);
            return new Outcome(errors.isEmpty() ? "CONFIRMED" : (String) errors.getFirst().getExtensions().get("code"), micros);
        }).toList());

        assertThat(outcomes.stream().filter(o -> o.result().equals("CONFIRMED"))).hasSize(50);
        assertThat(outcomes.stream().filter(o -> o.result().equals("SOLD_OUT"))).hasSize(150);
        api.as(organizer).documentName("event").variable("id", eventId).execute()
                .path("event.seatsRemaining").entity(Integer.class).isEqualTo(0);
        api.as(organizer).documentName("eventBookings").variable("id", eventId).variable("first", 100).execute()
                .path("event.bookings.edges[*].node.quantity").entityList(Integer.class).hasSize(50)
                .path("event.bookings.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        List<Long> latencies = outcomes.stream().map(Outcome::micros).sorted().toList();
        log.info("bookSeats under a 200-buyer burst: p50 {} ms, p99 {} ms, max {} ms",
                percentile(latencies, 50) / 1000.0, percentile(latencies, 99) / 1000.0, latencies.getLast() / 1000.0);
    }

    @Test
    void twentyConcurrentRetriesOfOneRequestBookOnce() throws Exception {
        TestUser organizer = TestUsers.organizer();
        TestUser buyer = TestUsers.attendee();
        String eventId = published(api.as(organizer), 10);
        Map<String, Object> input = booking(eventId, 2);

        List<String> bookingIds = all(Collections.nCopies(20, (Callable<String>) () -> api.as(buyer).documentName("bookSeats")
                .variable("input", input).execute().path("bookSeats.id").entity(String.class).get()));

        assertThat(bookingIds).hasSize(20).containsOnly(bookingIds.getFirst());
        api.as(buyer).documentName("event").variable("id", eventId).execute()
                .path("event.seatsRemaining").entity(Integer.class).isEqualTo(8);
        api.as(buyer).documentName("myBookings").execute()
                .path("myBookings.edges[*].node.id").entityList(String.class).containsExactly(bookingIds.getFirst());
    }

    /** Runs the calls at the same instant, one thread each, and returns their results. */
    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(calls.size())) {
            List<Future<T>> futures = calls.stream().map(call -> threads.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            })).toList();
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static long percentile(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private record Outcome(String result, long micros) {
    }
}
