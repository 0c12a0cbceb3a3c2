package dev.kippu.load.groups;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;

import dev.kippu.load.endpoints.Events;
import dev.kippu.load.results.Outcomes;
import io.gatling.javaapi.core.ChainBuilder;

/** An organizer creates an event and publishes it. */
public final class Organise {

    public static final ChainBuilder ORGANISE = group("organise").on(
            exec(session -> session.remove(Events.CREATED_ID))
                    .exec(Outcomes.recorded(Events.CREATE, "createEvent"))
                    .doIf(session -> session.contains(Events.CREATED_ID)).then(Outcomes.recorded(Events.PUBLISH, "publishEvent")));

    private Organise() {
    }
}
