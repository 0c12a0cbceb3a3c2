package dev.kippu.event;

public enum EventStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED
}
