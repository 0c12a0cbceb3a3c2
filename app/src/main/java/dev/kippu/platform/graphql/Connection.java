package dev.kippu.platform.graphql;

import java.util.List;

import dev.kippu.common.Page;

/** The contract's cursor connection ({@code edges}, {@code pageInfo}) for a page of items. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public static <T> Connection<T> of(Page<T> page) {
        return new Connection<>(page.entries().stream().map(entry -> new Edge<>(entry.cursor(), entry.item())).toList(),
                new PageInfo(page.hasNextPage(), page.endCursor()));
    }

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }
}
