package dev.kippu.notification;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.newEvent;
import static dev.kippu.contract.EventInputs.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.ClassPathResource;

import dev.kippu.contract.KippuApi;
import dev.kippu.contract.KippuProcess;
import dev.kippu.contract.KippuStandIns;
import dev.kippu.contract.SentMail;
import dev.kippu.contract.SentMail.Mail;
import dev.kippu.contract.TestUsers;
import dev.kippu.contract.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The e-mail promise as production runs it: two instances of the executable jar with the shipped
 * settings on the same stand-ins, buyers whose client sends a failed request again to the other
 * instance with the same idempotency key (as a browser behind a load balancer would). First a
 * flash sale with no fault, then a burst during which one instance is killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmailsUnderFireIT {

    private static final int BUYERS = 200;
    private static final String BOOK_SEATS = document("bookSeats");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static KippuProcess first;
    private static KippuProcess second;
    private static TestUser organizer;
    private static List<TestUser> buyers;

    @BeforeAll
    static void startTwoInstancesAndTheirBuyers() throws Exception {
        Map<String, String> standIns = KippuStandIns.shared().properties();
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<KippuProcess> a = starting.submit(() -> KippuProcess.start("under-fire-a", standIns));
            Future<KippuProcess> b = starting.submit(() -> KippuProcess.start("under-fire-b", standIns));
            Future<List<TestUser>> users = starting.submit(() -> IntStream.range(0, BUYERS).mapToObj(i -> TestUsers.attendee()).toList());
            first = a.get();
            second = b.get();
            buyers = users.get();
        }
        organizer = TestUsers.organizer();
    }

    @AfterAll
    static void stopThem() {
        for (KippuProcess instance : new KippuProcess[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    @Order(1)
    void aFlashSaleConfirmsEveryBookingByEMailWithinThirtySeconds() throws Exception {
        String title = "Flash sale " + UUID.randomUUID();
        String eventId = published(KippuApi.onLocalPort(first.port()).as(organizer), newEvent(title, 150, Instant.now().plus(7, ChronoUnit.DAYS)));
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try (ExecutorService buying = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < BUYERS; i++) {
                TestUser buyer = buyers.get(i);
                KippuProcess instance = i % 2 == 0 ? first : second;
                answers.add(buying.submit(() -> {
                    release.await();
                    return book(List.of(instance), buyer, eventId);
                }));
            }
            release.countDown();
        }
        List<Answer> confirmed = answers.stream().map(Future::resultNow).filter(Answer::confirmed).toList();
        assertThat(confirmed).hasSize(150);

        List<Duration> delays = new ArrayList<>();
        for (Answer answer : confirmed) {
            Mail mail = SentMail.await(isConfirmation(answer.buyer(), title), 1, Duration.ofSeconds(60)).stream().findFirst()
                    .orElseThrow(() -> new AssertionError("no confirmation for " + answer.buyer().email()));
            // the stand-in keeps whole seconds: the mail came before at + 1 s, the booking after the request was sent
            delays.add(Duration.between(answer.sent(), mail.at().plusSeconds(1)));
        }
        Thread.sleep(5_000);
        assertThat(answers.stream().map(Future::resultNow)).allSatisfy(answer ->
                assertThat(SentMail.all().stream().filter(isConfirmation(answer.buyer(), title))).hasSize(answer.confirmed() ? 1 : 0));
        Collections.sort(delays);
        System.out.printf("E-mails under fire, flash sale: %d buyers, %d confirmed; booking to e-mail at most p50 %d s, max %d s%n",
                BUYERS, confirmed.size(), delays.get(delays.size() / 2).toSeconds(), delays.getLast().toSeconds());
        assertThat(delays.getLast()).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    @Order(2)
    void killingAnInstanceMidBurstLosesNoEMail() throws Exception {
        String title = "Burst " + UUID.randomUUID();
        String eventId = published(KippuApi.onLocalPort(second.port()).as(organizer), newEvent(title, BUYERS, Instant.now().plus(7, ChronoUnit.DAYS)));
        List<Future<Answer>> answers = new ArrayList<>();
        Instant killed = null;
        try (ExecutorService buying = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < BUYERS; i++) {
                if (i == BUYERS / 2) {
                    first.kill(); // with half of the burst sent, some of it in flight
                    killed = Instant.now();
                }
                TestUser buyer = buyers.get(i);
                List<KippuProcess> instances = i % 2 == 0 ? List.of(first, second) : List.of(second, first);
                answers.add(buying.submit(() -> book(instances, buyer, eventId)));
                Thread.sleep(20); // about 50 bookings a second
            }
        }
        List<Answer> confirmed = answers.stream().map(Future::resultNow).filter(Answer::confirmed).toList();
        assertThat(confirmed).as("every buyer got a seat, some after a retry").hasSize(BUYERS);
        assertThat(seatsRemaining(eventId)).isZero();

        for (Answer answer : confirmed) {
            assertThat(SentMail.await(isConfirmation(answer.buyer(), title), 1, Duration.ofSeconds(120)))
                    .as("confirmation for %s", answer.buyer().email()).isNotEmpty();
        }
        Instant allSent = Instant.now();
        Thread.sleep(5_000);
        long twice = confirmed.stream().filter(answer -> SentMail.all().stream().filter(isConfirmation(answer.buyer(), title)).count() > 1).count();
        long takenOver = Stream.of(first, second).flatMap(instance -> instance.logLines().stream())
                .filter(line -> line.contains("sending it again")).count();
        assertThat(confirmed).allSatisfy(answer -> assertThat(SentMail.all().stream().filter(isConfirmation(answer.buyer(), title)))
                .as("%s got the confirmation at most twice", answer.buyer().email()).hasSizeLessThanOrEqualTo(2));
        assertThat(twice).as("a second e-mail only for a job whose sender stopped between sending it and marking it sent")
                .isLessThanOrEqualTo(takenOver);
        KippuStandIns standIns = KippuStandIns.shared();
        Instant deadline = Instant.now().plusSeconds(90);
        while (standIns.messagesIn("kippu-emails") > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500); // jobs the killed instance had received come back after the visibility timeout, and are dropped as sent
        }
        Instant drained = Instant.now();
        assertThat(standIns.messagesIn("kippu-emails")).as("no job left in the queue").isZero();
        assertThat(standIns.messagesIn("kippu-emails-dlq")).as("nothing dead-lettered").isZero();
        assertThat(Stream.of(first, second).flatMap(instance -> instance.logLines().stream()))
                .as("no receive given up on").noneMatch(line -> line.contains("Receiving e-mail jobs failed"));
        long retried = confirmed.stream().filter(answer -> answer.attempts() > 1).count();
        System.out.printf("E-mails under fire, instance killed: %d confirmed (%d after a retry on the other instance), "
                + "all %d e-mails sent, %d of them twice (%d jobs taken over from a stopped sender), the last %d s after the kill; "
                + "queue empty %d s after the kill, dead-letter queue empty%n",
                confirmed.size(), retried, confirmed.size(), twice, takenOver, Duration.between(killed, allSent).toSeconds(),
                Duration.between(killed, drained).toSeconds());
    }

    /** Books one seat on the first instance; a failed request goes again to the next one, with the same key. */
    private static Answer book(List<KippuProcess> instances, TestUser buyer, String eventId) throws InterruptedException {
        Map<String, Object> input = booking(eventId, 1);
        Instant sent = Instant.now();
        for (int attempt = 1; ; attempt++) {
            KippuProcess instance = instances.get(Math.min(attempt - 1, instances.size() - 1));
            try {
                JsonNode response = JSON.readTree(HTTP.send(HttpRequest.newBuilder(KippuApi.onLocalPort(instance.port()).endpoint())
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + buyer.accessToken())
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", BOOK_SEATS, "variables", Map.of("input", input)))))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
                String status = response.path("data").path("bookSeats").path("status").asString("");
                String code = response.path("errors").path(0).path("extensions").path("code").asString("");
                if (!status.isEmpty() || !code.equals("INTERNAL")) {
                    return new Answer(buyer, status.equals("CONFIRMED"), sent, attempt);
                }
            } catch (IOException connectionLost) {
                // the instance went away: try the other one
            }
            if (attempt == 10) {
                throw new AssertionError("no answer for " + buyer.email() + " after 10 attempts");
            }
            Thread.sleep(200);
        }
    }

    private static String document(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Answer(TestUser buyer, boolean confirmed, Instant sent, int attempts) {
    }

    private static Predicate<Mail> isConfirmation(TestUser buyer, String title) {
        return mail -> mail.to().contains(buyer.email()) && mail.subject().equals("Your booking for " + title + " is confirmed");
    }

    private static int seatsRemaining(String eventId) {
        return KippuApi.onLocalPort(second.port()).as(organizer).documentName("event").variable("id", eventId).execute()
                .path("event.seatsRemaining").entity(Integer.class).get();
    }

}
