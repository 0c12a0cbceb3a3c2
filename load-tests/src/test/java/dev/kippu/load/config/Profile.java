package dev.kippu.load.config;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.kippu.load.Scenarios;
import io.gatling.javaapi.core.PopulationBuilder;

/**
 * A load profile ({@code -DtestType}): how many attendee accounts it needs, the seats of the event
 * its buyers book, whether the flash-sale invariants are read back after it, how long it may run
 * at most, its limits, and its injection of users into the scenarios.
 */
public record Profile(String name, int attendees, int seats, boolean checksFlashSale, Duration maxDuration, Limits limits,
                      Function<Scenarios, List<PopulationBuilder>> injection) {
}
