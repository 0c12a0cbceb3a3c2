package dev.kippu.load.config;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.kippu.load.Scenarios;
import io.gatling.javaapi.core.PopulationBuilder;

/**
 * The profiles by name ({@code -DtestType=smoke|browse|flashsale|mixed|coldstart|soak}). Their
 * sizes and limits can be changed with system properties: {@code vu} (flash-sale buyers, the cold
 * start's burst), {@code rate} (users per second), {@code duration} (seconds), {@code idle}
 * (seconds before the cold start's burst), {@code seats}, {@code users} (attendee accounts),
 * {@code p95}, {@code p99} (milliseconds), {@code maxFailedPercent}.
 */
public final class Profiles {

    public static final List<String> NAMES = List.of("smoke", "browse", "flashsale", "mixed", "coldstart", "soak");
    /** The largest capacity Kippu takes: the event that browse and mixed buyers book never sells out. */
    private static final int AMPLE_SEATS = 100_000;

    private final UnaryOperator<String> parameters;

    Profiles(UnaryOperator<String> parameters) {
        this.parameters = parameters;
    }

    /** The profiles with their parameters from system properties. */
    public static Profiles fromSystemProperties() {
        return new Profiles(System::getProperty);
    }

    public Profile named(String name) {
        return switch (name) {
            case "smoke" -> smoke();
            case "browse" -> browse();
            case "flashsale" -> flashSale();
            case "mixed" -> mixed();
            case "coldstart" -> coldStart();
            case "soak" -> soak();
            default -> throw new IllegalArgumentException("no load profile named '" + name + "' (-DtestType); there are " + NAMES);
        };
    }

    /** A few users through every scenario once: does each operation answer as it should? Not one request may fail. */
    private Profile smoke() {
        return new Profile("smoke", number("users", 2), AMPLE_SEATS, false, Duration.ofSeconds(60),
                limits(2_000, 5_000, 0),
                scenarios -> List.of(scenarios.browse().injectOpen(atOnceUsers(2)), scenarios.book().injectOpen(atOnceUsers(2)),
                        scenarios.organise().injectOpen(atOnceUsers(1))));
    }

    /** Visitors listing events and opening one, ramped up to a steady rate. */
    private Profile browse() {
        double rate = decimal("rate", 20);
        int seconds = number("duration", 60);
        return new Profile("browse", number("users", 1), AMPLE_SEATS, false, Duration.ofSeconds(seconds + 40),
                limits(500, 1_000, 1.0),
                scenarios -> List.of(scenarios.browse().injectOpen(rampUsersPerSec(1).to(rate).during(10), constantUsersPerSec(rate).during(seconds))));
    }

    /** {@code vu} buyers at once for {@code seats} seats; then the invariants are read back. Sold-out answers are not failures. */
    private Profile flashSale() {
        int buyers = number("vu", 300);
        return new Profile("flashsale", number("users", Math.min(buyers, 100)), number("seats", 50), true, Duration.ofSeconds(180),
                // all at once on a JVM that has not warmed up, beside the load generator and the stand-ins on
                // two cores (300 buyers: p95 about 8 s there); set -Dp95/-Dp99 for a cloud target
                limits(10_000, 15_000, 1.0),
                scenarios -> List.of(scenarios.flashSale().injectOpen(atOnceUsers(buyers))));
    }

    /** Browsing, buying and organising side by side at a steady rate (70 / 25 / 5 %). */
    private Profile mixed() {
        double rate = decimal("rate", 20);
        int seconds = number("duration", 60);
        return new Profile("mixed", number("users", 50), AMPLE_SEATS, false, Duration.ofSeconds(seconds + 40),
                limits(800, 1_500, 1.0),
                mixedTraffic(rate, seconds));
    }

    /**
     * Nothing for {@code idle} seconds, then {@code vu} visitors at once: on a target that scales by
     * execution environments (local-lambda, Lambda) all but the warm ones start cold, and the result
     * lists each new environment's init and first request. Locally an environment is a JVM's full
     * start on a shared two-core machine (no SnapStart snapshot here), hence the wide limits.
     */
    private Profile coldStart() {
        int idle = number("idle", 10);
        return new Profile("coldstart", number("users", 1), AMPLE_SEATS, false, Duration.ofSeconds(idle + 120),
                limits(20_000, 30_000, 0),
                scenarios -> List.of(scenarios.browse().injectOpen(nothingFor(Duration.ofSeconds(idle)), atOnceUsers(number("vu", 20)))));
    }

    /** The mixed traffic at a steady {@code rate} for {@code duration} seconds (default ten minutes), for memory and latency drift. */
    private Profile soak() {
        double rate = decimal("rate", 10);
        int seconds = number("duration", 600);
        return new Profile("soak", number("users", 50), AMPLE_SEATS, false, Duration.ofSeconds(seconds + 60),
                limits(800, 1_500, 0.1),
                mixedTraffic(rate, seconds));
    }

    /** Visitors, buyers and organizers arriving at 70, 25 and 5 % of {@code rate} a second for {@code seconds}. */
    private static Function<Scenarios, List<PopulationBuilder>> mixedTraffic(double rate, int seconds) {
        return scenarios -> List.of(scenarios.browse().injectOpen(constantUsersPerSec(rate * 0.70).during(seconds)),
                scenarios.book().injectOpen(constantUsersPerSec(rate * 0.25).during(seconds)),
                scenarios.organise().injectOpen(constantUsersPerSec(rate * 0.05).during(seconds)));
    }

    private Limits limits(int p95Millis, int p99Millis, double maxFailedPercent) {
        return new Limits(number("p95", p95Millis), number("p99", p99Millis), decimal("maxFailedPercent", maxFailedPercent));
    }

    private int number(String parameter, int otherwise) {
        String value = parameters.apply(parameter);
        try {
            int number = value == null ? otherwise : Integer.parseInt(value.strip());
            if (number < 1) {
                throw new IllegalArgumentException("-D" + parameter + " must be at least 1, not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + parameter + " must be a whole number, not '" + value + "'");
        }
    }

    private double decimal(String parameter, double otherwise) {
        String value = parameters.apply(parameter);
        try {
            double number = value == null ? otherwise : Double.parseDouble(value.strip());
            if (number < 0) {
                throw new IllegalArgumentException("-D" + parameter + " must not be negative, not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + parameter + " must be a number, not '" + value + "'");
        }
    }
}
