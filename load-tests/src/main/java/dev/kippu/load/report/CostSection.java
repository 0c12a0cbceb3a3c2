package dev.kippu.load.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import dev.kippu.load.cost.CostModel;
import dev.kippu.load.cost.Crossover;
import dev.kippu.load.cost.Price;
import dev.kippu.load.cost.Prices;
import dev.kippu.load.cost.RuntimeCost;

/**
 * Part 3: the cost model with the model inputs: each runtime's $ per million requests and idle $ a
 * month, where each pair costs the same, what was measured and what assumed, and the price table.
 */
final class CostSection {

    /** The crossovers are looked for up to this rate: a few thousand buyers a second is a large sale for Kippu. */
    static final double CROSSOVER_RANGE_REQUESTS_PER_SECOND = 2_000;

    /** The cost chart's range: where Kippu's runtimes' lines cross, and before the steepest leaves the others far behind. */
    static final int CHART_RANGE_REQUESTS_PER_SECOND = 200;

    /** The rates of the "cheapest at" table: idle, a quiet site, a busy one, a sale's sustained load. */
    static final List<Double> CHEAPEST_AT_REQUESTS_PER_SECOND = List.of(0.0, 1.0, 10.0, 50.0, 100.0, 500.0, 2_000.0);

    private CostSection() {
    }

    /** The answer in short: at each rate held for a month, the cheapest runtime and the next, with their monthly cost. */
    static Table cheapest(List<DeployedRuntimes.Deployed> runtimes) {
        return new Table(List.of("requests a second, held for a month", "cheapest", "next"), CHEAPEST_AT_REQUESTS_PER_SECOND.stream()
                .map(rate -> {
                    List<RuntimeCost> ranked = runtimes.stream().map(DeployedRuntimes.Deployed::cost)
                            .sorted(Comparator.comparingDouble(cost -> cost.monthlyUsd(rate))).toList();
                    return List.of(Format.number(rate), ranked(ranked.get(0), rate), ranked(ranked.get(1), rate));
                }).toList());
    }

    private static String ranked(RuntimeCost cost, double rate) {
        return cost.runtime() + " (" + Format.usd(cost.monthlyUsd(rate)) + " a month)";
    }

    static Table inputs(ModelInputs inputs) {
        return new Table(List.of("figure", "value", "measured or assumed", "source"), inputs.all().stream()
                .map(input -> List.of(input.what(), Format.number(input.value()) + (input.unit().isEmpty() ? ""
                        : " " + input.unit()), input.measured() ? "measured" : "assumed", input.source()))
                .toList());
    }

    static Table costs(List<DeployedRuntimes.Deployed> runtimes) {
        return new Table(List.of("runtime", "as deployed", "$ per million requests", "idle $ a month",
                "$ a month at 10 req/s", "at 100 req/s"), runtimes.stream().map(deployed -> {
                    RuntimeCost cost = deployed.cost();
                    return List.of(cost.runtime(), deployed.configuration(), Format.usd(cost.usdPerMillionRequests()),
                            Format.usd(cost.idleMonthlyUsd()), Format.usd(cost.monthlyUsd(10)),
                            Format.usd(cost.monthlyUsd(100)));
                }).toList());
    }

    static Table crossovers(List<DeployedRuntimes.Deployed> runtimes) {
        List<RuntimeCost> costs = runtimes.stream().map(DeployedRuntimes.Deployed::cost).toList();
        return new Table(List.of("runtimes", "where they cost the same (up to "
                + Format.number(CROSSOVER_RANGE_REQUESTS_PER_SECOND) + " req/s)"),
                CostModel.crossoverTable(costs, CROSSOVER_RANGE_REQUESTS_PER_SECOND).stream()
                        .map(pair -> List.of(pair.first() + " / " + pair.second(), describe(pair, costs))).toList());
    }

    static String chart(List<DeployedRuntimes.Deployed> runtimes) {
        return Svg.lines("$ a month at a constant rate", "requests a second", "$ a month", runtimes.stream()
                .map(deployed -> new Svg.Line(deployed.runtime(), IntStream.rangeClosed(0, CHART_RANGE_REQUESTS_PER_SECOND)
                        .mapToObj(rate -> new Svg.Point(rate, deployed.cost().monthlyUsd(rate))).toList()))
                .toList());
    }

    static Table prices() {
        return new Table(List.of("item", "price", "region", "source", "as quoted by", "read"), Prices.all().stream()
                .map(price -> List.of(price.item(), price(price), price.region(), price.source(),
                        price.quotedByThirdParty() ? price.quotedBy() : Format.NONE, price.read().toString()))
                .toList());
    }

    private static String describe(CostModel.PairCrossovers pair, List<RuntimeCost> costs) {
        if (pair.crossovers().isEmpty()) {
            RuntimeCost first = costs.stream().filter(cost -> cost.runtime().equals(pair.first())).findFirst().orElseThrow();
            RuntimeCost second = costs.stream().filter(cost -> cost.runtime().equals(pair.second())).findFirst().orElseThrow();
            String cheaper = first.monthlyUsd(CROSSOVER_RANGE_REQUESTS_PER_SECOND)
                    <= second.monthlyUsd(CROSSOVER_RANGE_REQUESTS_PER_SECOND) ? pair.first() : pair.second();
            return "nowhere: " + cheaper + " is cheaper throughout";
        }
        return String.join("; ", pair.crossovers().stream().map(CostSection::describe).toList());
    }

    private static String describe(Crossover crossover) {
        return Format.number(crossover.requestsPerSecond()) + " req/s ("
                + (crossover.kind() == Crossover.Kind.STEP ? "an instance step" : "the lines cross") + "): "
                + crossover.cheaperBelow() + " cheaper below, " + crossover.cheaperAbove() + " above";
    }

    private static String price(Price price) {
        if (price.unit().startsWith("fraction")) {
            return Format.percent(price.usd() * 100, 0) + " (" + price.unit() + ")";
        }
        // per-request prices read better per million
        if (price.unit().equals("request") || price.unit().endsWith("request unit")) {
            return "$" + plain(price.usd() * 1e6) + " per million " + price.unit() + "s";
        }
        return "$" + plain(price.usd()) + " per " + price.unit();
    }

    /** Ten significant digits at most, no trailing zeros: 0.0000166667, not 1.66667E-5. */
    private static String plain(double usd) {
        return new BigDecimal(usd).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
