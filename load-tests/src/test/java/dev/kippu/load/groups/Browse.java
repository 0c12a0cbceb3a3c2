package dev.kippu.load.groups;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.kippu.load.endpoints.Events;
import dev.kippu.load.results.Outcomes;
import io.gatling.javaapi.core.ChainBuilder;

/** A visitor lists the upcoming events and opens one of them. */
public final class Browse {

    public static final ChainBuilder BROWSE = group("browse").on(
            exec(Outcomes.recorded(Events.LIST, "events"))
                    .doIf(session -> session.contains(Events.LISTED_IDS) && !session.getList(Events.LISTED_IDS).isEmpty()).then(
                            exec(session -> {
                                List<Object> ids = session.getList(Events.LISTED_IDS);
                                return session.set(Events.EVENT_ID, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                            }).exec(Outcomes.recorded(Events.OPEN, "event"))));

    private Browse() {
    }
}
