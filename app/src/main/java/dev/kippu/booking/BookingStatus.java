package dev.kippu.booking;

public enum BookingStatus {
    CONFIRMED,
    CANCELLED
}
