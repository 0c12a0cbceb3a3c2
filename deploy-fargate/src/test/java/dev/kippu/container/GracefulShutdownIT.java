package dev.kippu.container;

import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import dev.kippu.container.Bookings.Answer;
import dev.kippu.container.Bookings.Outcome;
import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;

/**
 * SIGTERM in the middle of a stream of bookings, as a platform stops a task or a pod (a scale-in, a
 * deployment). The platform first stops routing new requests to it (ECS drains the target at the
 * ALB, then signals; Kubernetes' preStop sleep outlasts the endpoints' update), so the buyers send
 * no new request once it is signalled; every request in flight then is answered. One more client
 * keeps sending regardless: whatever becomes of its requests, no seat is sold that was not
 * confirmed to its buyer. The container ends within the platforms' grace period (30 s by default).
 */
class GracefulShutdownIT {

    private static final int BUYERS = 24;
    private static final int CAPACITY = 5_000;
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(30);

    @Test
    void aStoppedContainerAnswersEveryBookingItTookAndEndsWithinTheGracePeriod() throws Exception {
        Map<String, String> standIns = KippuStandIns.shared().properties();
        TestUser organizer = TestUsers.organizer();
        List<TestUser> buyers = IntStream.range(0, BUYERS + 1).mapToObj(i -> TestUsers.attendee()).toList();
        List<Future<List<Answer>>> routed = new ArrayList<>();
        Future<List<Answer>> unrouted;
        Instant sigterm;
        KippuContainer.Ended ended;
        String eventId;
        try (KippuContainer kippu = KippuImage.built().withSettings(standIns).startService()) {
            eventId = published(KippuApi.at(kippu.baseUrl()).as(organizer),
                    newEvent("Stopped mid-sale " + UUID.randomUUID(), CAPACITY, Instant.now().plus(7, ChronoUnit.DAYS)));
            try (ExecutorService buying = Executors.newVirtualThreadPerTaskExecutor()) {
                AtomicBoolean routing = new AtomicBoolean(true);
                for (TestUser buyer : buyers.subList(0, BUYERS)) {
                    routed.add(buying.submit(() -> bookWhile(routing::get, kippu, buyer, eventId)));
                }
                unrouted = buying.submit(() -> bookWhile(() -> true, kippu, buyers.getLast(), eventId));
                Thread.sleep(2_000);
                routing.set(false);
                sigterm = Instant.now();
                ended = kippu.stop(GRACE_PERIOD.plusSeconds(30));
            }
        }
        List<Answer> answers = routed.stream().flatMap(stream -> stream.resultNow().stream()).toList();
        List<Answer> latecomer = unrouted.resultNow();
        long confirmed = Stream.concat(answers.stream(), latecomer.stream()).filter(answer -> answer.outcome() == Outcome.CONFIRMED).count();
        long inFlightAtSigterm = answers.stream().filter(answer -> answer.answered().isAfter(sigterm)).count();

        int sold;
        long listed;
        try (KippuContainer replacement = KippuImage.built().withSettings(standIns).startService()) {
            KippuApi api = KippuApi.at(replacement.baseUrl());
            sold = CAPACITY - api.as(organizer).documentName("event").variable("id", eventId).execute().path("event.seatsRemaining").entity(Integer.class).get();
            listed = confirmedBookings(api.as(organizer), eventId);
        }
        System.out.printf("SIGTERM during bookings: %d requests routed to it, %s, %d of them in flight at SIGTERM; the client that kept sending: %s; "
                + "exit %d %d ms after SIGTERM; %d seats sold, %d confirmed%n", answers.size(), outcomes(answers), inFlightAtSigterm, outcomes(latecomer),
                ended.exitStatus(), ended.afterSigterm().toMillis(), sold, confirmed);

        assertThat(answers).as("every request routed to it was answered").allMatch(answer -> answer.outcome() == Outcome.CONFIRMED);
        assertThat(inFlightAtSigterm).as("requests in flight at SIGTERM").isPositive();
        assertThat(latecomer).as("once it had let go of its port, it refused connections").last()
                .extracting(Answer::outcome).isEqualTo(Outcome.CONNECTION_REFUSED);
        assertThat(sold).as("every seat sold was confirmed to its buyer, once").isEqualTo(confirmed);
        assertThat(listed).as("every confirmation is a listed booking").isEqualTo(confirmed);
        assertThat(ended.afterSigterm()).isLessThan(GRACE_PERIOD);
        assertThat(ended.exitStatus()).as("ended by the signal it was sent, not killed: %s", ended.logs()).isIn(0, 143);
    }

    /** One buyer booking a seat at a time, again and again, while {@code routing}, until the container takes no connection. */
    private static List<Answer> bookWhile(BooleanSupplier routing, KippuContainer kippu, TestUser buyer, String eventId) {
        List<Answer> answers = new ArrayList<>();
        Instant giveUp = Instant.now().plusSeconds(90);
        while (routing.getAsBoolean() && Instant.now().isBefore(giveUp)) {
            Answer answer = Bookings.book(kippu.baseUrl(), buyer, eventId, 1);
            answers.add(answer);
            if (answer.outcome() == Outcome.CONNECTION_REFUSED) {
                break;
            }
        }
        return answers;
    }

    private static Map<Outcome, Long> outcomes(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::outcome, Collectors.counting()));
    }

    /** The event's confirmed bookings, as its organizer lists them, page by page. */
    private static long confirmedBookings(GraphQlTester organizer, String eventId) {
        long confirmed = 0;
        String after = null;
        while (true) {
            GraphQlTester.Response page = organizer.documentName("eventBookings").variable("id", eventId).variable("first", 50).variable("after", after).execute();
            confirmed += page.path("event.bookings.edges[*].node.status").entityList(String.class).get().stream().filter("CONFIRMED"::equals).count();
            if (!page.path("event.bookings.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return confirmed;
            }
            after = page.path("event.bookings.pageInfo.endCursor").entity(String.class).get();
        }
    }
}
