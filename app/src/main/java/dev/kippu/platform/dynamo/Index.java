package dev.kippu.platform.dynamo;

import java.util.List;

/** The table's global secondary indexes; every one projects whole items. */
public enum Index {
    /** Published events by start time, one partition per start month ({@code EVENTS#2026-12}) so no partition stays hot. */
    UPCOMING("upcoming", "upcomingPk", "upcomingSk"),
    /** What a person owns, newest first: an organizer's events ({@code ORGANIZER#id}), a user's bookings ({@code USER#id}). */
    BY_OWNER("byOwner", "ownerPk", "ownerSk"),
    /** An event's bookings ({@code EVENT#id}), oldest first. */
    BY_EVENT("byEvent", "eventPk", "eventSk"),
    /** Outbox entries not yet relayed, oldest first, spread over {@link Outbox#SHARDS} partitions ({@code OUTBOX#0..}). */
    OUTBOX("outbox", "outboxPk", "outboxSk");

    private final String indexName;
    private final String partitionKey;
    private final String sortKey;

    Index(String indexName, String partitionKey, String sortKey) {
        this.indexName = indexName;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
    }

    public String indexName() {
        return indexName;
    }

    public String partitionKey() {
        return partitionKey;
    }

    public String sortKey() {
        return sortKey;
    }

    List<String> cursorKeyNames() {
        return List.of(partitionKey, sortKey, KippuTable.PK, KippuTable.SK);
    }
}
