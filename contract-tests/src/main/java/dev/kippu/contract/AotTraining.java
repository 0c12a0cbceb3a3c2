package dev.kippu.contract;

import static dev.kippu.contract.EventInputs.booking;
import static dev.kippu.contract.EventInputs.published;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import dev.kippu.contract.TestUsers.TestUser;

/**
 * The training run behind the JDK's AOT cache ({@link AotRecipe}): Kippu with Spring AOT against
 * the stand-ins, sent what a real start is followed by (tokens of signed-in users validated with
 * the pool's keys, queries that read the table, an event created and published, seats booked,
 * bookings listed), then stopped as a platform stops it, when the JVM writes the cache. Run by
 * {@code app/}'s build after {@code package}.
 */
public final class AotTraining {

    private static final Duration STOP_PATIENCE = Duration.ofMinutes(2);

    private AotTraining() {
    }

    public static void main(String[] args) {
        try {
            train();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1); // the stand-ins' threads would keep this JVM alive
        }
        System.exit(0);
    }

    private static void train() throws IOException {
        Files.deleteIfExists(AotRecipe.cache());
        KippuProcess kippu = KippuProcess.start("kippu-training", KippuStandIns.shared().properties(), AotRecipe.trainingOptions(),
                KippuProcess.existing(AotRecipe.jar()));
        try {
            exerciseTheGraphQlPath(KippuApi.at(kippu.baseUrl()));
        } finally {
            if (!kippu.stop(STOP_PATIENCE)) {
                throw new IllegalStateException("the training run did not end within " + STOP_PATIENCE + " of SIGTERM: no AOT cache");
            }
        }
        if (!Files.isRegularFile(AotRecipe.cache())) {
            throw new IllegalStateException("the training run ended but wrote no AOT cache at " + AotRecipe.cache().toAbsolutePath());
        }
        System.out.printf("AOT cache %s (%d MiB)%n", AotRecipe.cache().toAbsolutePath(), Files.size(AotRecipe.cache()) >> 20);
    }

    /** What the training run sends: also the workload of the container image's own training run. */
    public static void exerciseTheGraphQlPath(KippuApi api) {
        TestUser organizer = TestUsers.organizer();
        TestUser attendee = TestUsers.attendee();
        for (int round = 0; round < 20; round++) {
            api.anonymous().documentName("events").execute().path("events.edges").hasValue();
            api.as(attendee).documentName("me").execute().path("me.id").entity(String.class).isEqualTo(attendee.id());
            String eventId = published(api.as(organizer), 10);
            api.anonymous().documentName("event").variable("id", eventId).execute().path("event.id").entity(String.class).isEqualTo(eventId);
            api.as(attendee).documentName("bookSeats").variable("input", booking(eventId, 1)).execute()
                    .path("bookSeats.status").entity(String.class).isEqualTo("CONFIRMED");
            api.as(attendee).documentName("myBookings").execute().path("myBookings.edges").hasValue();
        }
    }
}
