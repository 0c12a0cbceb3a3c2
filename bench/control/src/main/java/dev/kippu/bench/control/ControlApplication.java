package dev.kippu.bench.control;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The framework floor: what Spring Boot and Spring GraphQL cost at start-up before any of Kippu's own. */
@SpringBootApplication
public class ControlApplication {

    public static void main(String[] args) {
        SpringApplication.run(ControlApplication.class, args);
    }

    @Controller
    static class EventQueries {

        private static final List<Event> EVENTS = List.of(
                new Event("1", "Opening night"), new Event("2", "Matinee"), new Event("3", "Closing night"));

        @QueryMapping
        EventConnection events(@Argument Integer first) {
            int count = first == null ? EVENTS.size() : Math.clamp(first, 0, EVENTS.size());
            return new EventConnection(EVENTS.subList(0, count).stream().map(EventEdge::new).toList());
        }
    }

    record Event(String id, String title) {
    }

    record EventEdge(Event node) {
    }

    record EventConnection(List<EventEdge> edges) {
    }
}
