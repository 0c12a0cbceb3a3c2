package dev.kippu.load;

import io.gatling.javaapi.core.ScenarioBuilder;

/** The scenarios a profile injects users into: what a visitor, a buyer, an organizer and a flash-sale buyer do. */
public record Scenarios(ScenarioBuilder browse, ScenarioBuilder book, ScenarioBuilder organise, ScenarioBuilder flashSale) {
}
