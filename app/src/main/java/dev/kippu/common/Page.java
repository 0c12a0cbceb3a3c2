package dev.kippu.common;

import java.util.List;
import java.util.function.Function;

/** One page of items, each with the opaque cursor that continues after it. */
public record Page<T>(List<Entry<T>> entries, boolean hasNextPage) {

    public Page {
        entries = List.copyOf(entries);
    }

    public List<T> items() {
        return entries.stream().map(Entry::item).toList();
    }

    public String endCursor() {
        return entries.isEmpty() ? null : entries.getLast().cursor();
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(entries.stream().map(e -> new Entry<>(mapper.apply(e.item()), e.cursor())).toList(), hasNextPage);
    }

    public record Entry<T>(T item, String cursor) {
    }
}
