package dev.kippu.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/** The charts' axes and the marks drawn for what the runs measured or did not. */
class SvgTest {

    @Test
    void anAxisEndsAtTheFirstRoundStepAtOrAboveTheLargestValue() {
        // 9 / 5 = 1.8 → step 2 → 10; 11 / 5 = 2.2 → step 5 → 15; 3,200 / 5 = 640 → step 1,000 → 4,000
        assertThat(Svg.niceMax(9)).isEqualTo(10);
        assertThat(Svg.niceMax(11)).isEqualTo(15);
        assertThat(Svg.niceMax(3_200)).isEqualTo(4_000);
        assertThat(Svg.niceMax(10)).isEqualTo(10);
        assertThat(Svg.niceMax(0)).isEqualTo(1);
    }

    @Test
    void aBarIsDrawnOnlyWhereTheRunHasAValue() {
        String chart = Svg.bars("Latency", "ms", List.of("local · mixed", "local-aot · mixed"),
                List.of(new Svg.Bars("p50", List.of(OptionalDouble.of(40), OptionalDouble.empty()))));

        assertThat(chart.split("<rect fill=").length - 1).isEqualTo(1);
        assertThat(chart).contains("<title>p50, local · mixed: 40 ms</title>");
    }

    @Test
    void aLineOfOnePointIsADot() {
        String chart = Svg.lines("Memory", "s", "MiB", List.of(new Svg.Line("local", List.of(new Svg.Point(0, 300)))));

        assertThat(chart).contains("<circle r=\"3\"");
    }
}
