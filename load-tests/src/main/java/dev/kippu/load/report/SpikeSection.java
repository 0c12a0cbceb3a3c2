package dev.kippu.load.report;

import java.util.List;
import java.util.function.ToDoubleFunction;

import dev.kippu.load.spike.Second;
import dev.kippu.load.spike.Spike;
import dev.kippu.load.spike.SpikeOutcome;

/**
 * Part 4: a flash sale on each runtime the spike model has, from its documented scaling and the
 * model inputs: what was served, queued and refused, when it was absorbed, the cold starts or new
 * instances, the cost of the observed seconds; and the timelines as charts.
 */
final class SpikeSection {

    /** The mixed profile's default rate: what the sale comes on top of. */
    static final double BASE_REQUESTS_PER_SECOND = 20;
    static final double DEFAULT_BUYERS_PER_SECOND = 3_000;
    static final int DEFAULT_SPIKE_SECONDS = 120;
    /** Watched for this long after the sale, so that the scale-out it caused is seen to the end. */
    static final int WATCHED_AFTER_SECONDS = 480;

    private SpikeSection() {
    }

    static Spike sale(double buyersPerSecond, int seconds) {
        return new Spike(BASE_REQUESTS_PER_SECOND, buyersPerSecond, seconds, seconds + WATCHED_AFTER_SECONDS);
    }

    static String describe(Spike spike) {
        return "A flash sale of " + Format.number(spike.spikeRequestsPerSecond()) + " buyers a second for "
                + spike.spikeSeconds() + " s on top of " + Format.number(spike.baseRequestsPerSecond())
                + " requests a second, watched for " + spike.observedSeconds()
                + " s (-Dkippu.report.spike.rate=… and -Dkippu.report.spike.seconds=… change it).";
    }

    static List<SpikeOutcome> outcomes(Spike spike, List<DeployedRuntimes.Deployed> runtimes) {
        return runtimes.stream().map(deployed -> deployed.spike().apply(spike)).toList();
    }

    static Table table(List<SpikeOutcome> outcomes) {
        return new Table(List.of("runtime", "arrived", "served", "refused", "most waiting", "longest wait",
                "absorbed at", "new instances or cold starts", "cost"), outcomes.stream().map(outcome -> List.of(
                outcome.runtime(), Format.number(outcome.arrived()), Format.number(outcome.served()),
                Format.number(outcome.refused()) + " (" + Format.percent(100 * outcome.refused() / outcome.arrived(), 1)
                        + ")",
                Format.number(outcome.maxQueued()), outcome.maxWaitSeconds() + " s",
                outcome.absorbedAtSecond().isPresent() ? outcome.absorbedAtSecond().getAsInt() + " s" : "not by the end",
                Long.toString(outcome.newInstances()), Format.usd(outcome.usd()))).toList());
    }

    static List<String> charts(List<SpikeOutcome> outcomes) {
        return List.of(
                chart("Flash sale: served a second", "requests served", outcomes, Second::served),
                chart("Flash sale: waiting at the end of each second", "requests waiting", outcomes, Second::queued),
                chart("Flash sale: refused a second", "requests refused", outcomes, Second::refused));
    }

    private static String chart(String title, String yUnit, List<SpikeOutcome> outcomes,
                                ToDoubleFunction<Second> figure) {
        return Svg.lines(title, "seconds since the sale began", yUnit, outcomes.stream()
                .map(outcome -> new Svg.Line(outcome.runtime(), outcome.timeline().stream()
                        .map(second -> new Svg.Point(second.second(), figure.applyAsDouble(second))).toList()))
                .toList());
    }
}
