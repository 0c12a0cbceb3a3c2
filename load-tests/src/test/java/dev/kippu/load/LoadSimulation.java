package dev.kippu.load;

import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.kippu.load.endpoints.Bookings;
import dev.kippu.load.endpoints.Events;
import dev.kippu.load.groups.Book;
import dev.kippu.load.groups.Browse;
import dev.kippu.load.groups.Organise;
import io.gatling.javaapi.core.Simulation;

/** The profile of the current {@link LoadPlan} against its Kippu, with the profile's limits as Gatling's assertions. */
public class LoadSimulation extends Simulation {

    {
        LoadPlan plan = LoadPlan.current();
        var attendees = listFeeder(plan.attendeeFeed()).circular();
        var organizers = listFeeder(List.<Map<String, Object>>of(Map.of("accessToken", plan.organizerToken()))).circular();
        Scenarios scenarios = new Scenarios(
                scenario("browse").exec(Browse.BROWSE),
                scenario("book").feed(attendees)
                        .exec(session -> session.set(Events.EVENT_ID, plan.saleEventId()).set(Bookings.QUANTITY, 2))
                        .exec(Book.BOOK),
                scenario("organise").feed(organizers).exec(Organise.ORGANISE),
                scenario("flash sale").feed(attendees)
                        .exec(session -> session.set(Events.EVENT_ID, plan.saleEventId()).set(Bookings.QUANTITY, ThreadLocalRandom.current().nextInt(1, 5)))
                        .exec(Book.BOOK));
        setUp(plan.profile().injection().apply(scenarios))
                .protocols(http.baseUrl(plan.baseUrl().toString()).contentTypeHeader("application/json").acceptHeader("application/json"))
                .assertions(plan.profile().limits().assertions())
                .maxDuration(plan.profile().maxDuration());
    }
}
