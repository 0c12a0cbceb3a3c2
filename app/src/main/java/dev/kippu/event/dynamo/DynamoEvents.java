package dev.kippu.event.dynamo;

import static dev.kippu.platform.dynamo.Items.instant;
import static dev.kippu.platform.dynamo.Items.integer;
import static dev.kippu.platform.dynamo.Items.n;
import static dev.kippu.platform.dynamo.Items.s;
import static dev.kippu.platform.dynamo.Items.string;
import static dev.kippu.platform.dynamo.Items.time;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Repository;

import dev.kippu.common.Page;
import dev.kippu.common.PageRequest;
import dev.kippu.event.Event;
import dev.kippu.event.EventStatus;
import dev.kippu.event.Events;
import dev.kippu.event.SeatAvailability;
import dev.kippu.platform.dynamo.Cursors;
import dev.kippu.platform.dynamo.Index;
import dev.kippu.platform.dynamo.IndexQuery;
import dev.kippu.platform.dynamo.Items;
import dev.kippu.platform.dynamo.Keys;
import dev.kippu.platform.dynamo.KippuTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Events in the single table. An event is one item ({@code EVENT#id}); while published it carries
 * the keys of the {@code upcoming} index, partitioned by start month. The months that ever had a
 * published event are listed on one small item, so listing reads only partitions that can hold
 * events.
 */
@Repository
class DynamoEvents implements Events {

    private static final Map<String, AttributeValue> MONTHS_KEY = Items.key("EVENTS", "MONTHS");

    private final KippuTable table;

    DynamoEvents(KippuTable table) {
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String eventId) {
        return Keys.event(eventId);
    }

    @Override
    public Optional<Event> find(String id) {
        return table.get(key(id), false).map(DynamoEvents::event);
    }

    @Override
    public Map<String, Event> findAll(Collection<String> ids) {
        return table.getAll(ids.stream().map(DynamoEvents::key).toList()).stream()
                .map(DynamoEvents::event)
                .collect(Collectors.toMap(Event::id, Function.identity()));
    }

    /** Strongly consistent (1 read unit per 4 KB of the whole item); only the three attributes travel. */
    @Override
    public Optional<SeatAvailability> availability(String eventId) {
        Map<String, AttributeValue> item = table.client().getItem(r -> r.tableName(table.name()).key(key(eventId))
                .consistentRead(true)
                .projectionExpression("id, seatsRemaining, #status")
                .expressionAttributeNames(Map.of("#status", "status"))).item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(new SeatAvailability(string(item, "id"), integer(item, "seatsRemaining"), EventStatus.valueOf(string(item, "status"))));
    }

    @Override
    public void create(Event event) {
        table.client().putItem(r -> r.tableName(table.name()).item(item(event))
                .conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public Optional<Event> update(Event current, Event changed) {
        if (changed.status() == EventStatus.PUBLISHED) {
            table.client().updateItem(r -> r.tableName(table.name()).key(MONTHS_KEY)
                    .updateExpression("ADD months :month")
                    .expressionAttributeValues(Map.of(":month", AttributeValue.fromSs(List.of(month(changed.startsAt()))))));
        }
        Map<String, AttributeValue> values = new HashMap<>(item(changed));
        List.of(KippuTable.PK, KippuTable.SK, "id", "organizerId", "createdAt", "ownerPk", "ownerSk", "seatsRemaining").forEach(values::remove);
        List<String> removed = new ArrayList<>(List.of("upcomingPk", "upcomingSk", "coverImageUrl"));
        removed.removeAll(values.keySet());

        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> expressionValues = new HashMap<>();
        List<String> assignments = new ArrayList<>();
        values.forEach((name, value) -> {
            names.put("#" + name, name);
            expressionValues.put(":" + name, value);
            assignments.add("#" + name + " = :" + name);
        });
        int capacityChange = changed.capacity() - current.capacity();
        assignments.add("seatsRemaining = seatsRemaining + :capacityChange");
        expressionValues.put(":capacityChange", n(capacityChange));
        expressionValues.put(":expectedVersion", n(current.version()));
        String condition = "#version = :expectedVersion";
        if (capacityChange < 0) {
            condition += " AND seatsRemaining >= :seatsGivenUp";
            expressionValues.put(":seatsGivenUp", n(-capacityChange));
        }
        String update = "SET " + String.join(", ", assignments) + (removed.isEmpty() ? "" : " REMOVE " + String.join(", ", removed));
        String finalCondition = condition;
        try {
            return Optional.of(event(table.client().updateItem(r -> r.tableName(table.name()).key(key(current.id()))
                    .updateExpression(update)
                    .conditionExpression(finalCondition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(expressionValues)
                    .returnValues(ReturnValue.ALL_NEW)).attributes()));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return Optional.empty();
        }
    }

    @Override
    public Page<Event> upcoming(Instant from, String search, PageRequest page) {
        String fromMonth = month(from);
        String cursorMonth = page.after() == null ? null : Cursors.decode(page.after(),
                List.of(Index.UPCOMING.partitionKey(), Index.UPCOMING.sortKey(), KippuTable.PK, KippuTable.SK))
                .get(Index.UPCOMING.partitionKey()).s();
        List<String> months = table.get(MONTHS_KEY, false)
                .map(item -> item.get("months").ss()).orElse(List.of()).stream()
                .filter(month -> month.compareTo(cursorMonth != null ? cursorMonth : fromMonth) >= 0)
                .sorted()
                .toList();
        if (cursorMonth != null && !months.contains(cursorMonth)) {
            throw Cursors.invalid();
        }
        List<Page.Entry<Map<String, AttributeValue>>> entries = new ArrayList<>();
        for (String month : months) {
            int wanted = page.first() - entries.size();
            String after = month.equals(cursorMonth) ? page.after() : null;
            Page<Map<String, AttributeValue>> found = table.page(upcomingQuery(month, from, search), new PageRequest(Math.max(wanted, 1), after));
            if (wanted == 0) {
                return new Page<>(entries, !found.entries().isEmpty()).map(DynamoEvents::event);
            }
            entries.addAll(found.entries());
            if (found.hasNextPage()) {
                return new Page<>(entries, true).map(DynamoEvents::event);
            }
        }
        return new Page<>(entries, false).map(DynamoEvents::event);
    }

    @Override
    public Page<Event> byOrganizer(String organizerId, PageRequest page) {
        return table.page(IndexQuery.of(Index.BY_OWNER, "ORGANIZER#" + organizerId).newestFirst(), page).map(DynamoEvents::event);
    }

    private static IndexQuery upcomingQuery(String month, Instant from, String search) {
        IndexQuery query = IndexQuery.of(Index.UPCOMING, month).from(Items.format(from));
        return search == null ? query : query.filter("contains(#titleSearch, :search)",
                Map.of("#titleSearch", "titleSearch"), Map.of(":search", s(search.toLowerCase(Locale.ROOT))));
    }

    private static String month(Instant instant) {
        return "EVENTS#" + YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }

    private static Map<String, AttributeValue> item(Event event) {
        Map<String, AttributeValue> item = new HashMap<>(key(event.id()));
        item.put("id", s(event.id()));
        item.put("organizerId", s(event.organizerId()));
        item.put("title", s(event.title()));
        item.put("titleSearch", s(event.title().toLowerCase(Locale.ROOT)));
        item.put("description", s(event.description()));
        item.put("venue", s(event.venue()));
        item.put("startsAt", time(event.startsAt()));
        item.put("endsAt", time(event.endsAt()));
        item.put("capacity", n(event.capacity()));
        item.put("seatsRemaining", n(event.seatsRemaining()));
        item.put("status", s(event.status().name()));
        item.put("createdAt", time(event.createdAt()));
        item.put("updatedAt", time(event.updatedAt()));
        item.put("version", n(event.version()));
        item.put("ownerPk", s("ORGANIZER#" + event.organizerId()));
        item.put("ownerSk", s(Items.format(event.createdAt()) + "#" + event.id()));
        if (event.coverImageUrl() != null) {
            item.put("coverImageUrl", s(event.coverImageUrl()));
        }
        if (event.status() == EventStatus.PUBLISHED) {
            item.put("upcomingPk", s(month(event.startsAt())));
            item.put("upcomingSk", s(Items.format(event.startsAt()) + "#" + event.id()));
        }
        return item;
    }

    private static Event event(Map<String, AttributeValue> item) {
        return new Event(string(item, "id"), string(item, "organizerId"), string(item, "title"), string(item, "description"),
                string(item, "venue"), instant(item, "startsAt"), instant(item, "endsAt"), integer(item, "capacity"),
                integer(item, "seatsRemaining"), EventStatus.valueOf(string(item, "status")), string(item, "coverImageUrl"),
                instant(item, "createdAt"), instant(item, "updatedAt"), Items.number(item, "version"));
    }
}
