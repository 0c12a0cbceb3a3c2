package dev.kippu.load.report;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Charts as inline SVG, drawn here so that the page needs no script and no network: lines over an
 * x axis, and bars grouped by run. Each series is a {@code <g class="series">} named by its
 * {@code <title>} and listed in the legend; y axes start at 0.
 */
final class Svg {

    /** Colour-blind-safe (Okabe and Ito), then greys. */
    private static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
            "#D55E00", "#F0E442", "#000000", "#777777", "#BBBBBB");
    private static final int WIDTH = 800;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 30;
    private static final int BOTTOM = 60;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    record Point(double x, double y) {
    }

    record Line(String name, List<Point> points) {
    }

    /** One value for each group of the chart, empty where the run has none. */
    record Bars(String name, List<OptionalDouble> values) {
    }

    private Svg() {
    }

    static String lines(String title, String xUnit, String yUnit, List<Line> lines) {
        double xMax = niceMax(lines.stream().flatMap(line -> line.points().stream()).mapToDouble(Point::x).max().orElse(0));
        double yMax = niceMax(lines.stream().flatMap(line -> line.points().stream()).mapToDouble(Point::y).max().orElse(0));
        StringBuilder svg = open(title);
        yAxis(svg, yMax, yUnit);
        double xStep = step(xMax);
        for (double tick = 0; tick <= xMax * (1 + 1e-9); tick += xStep) {
            double x = LEFT + tick / xMax * PLOT_WIDTH;
            svg.append(text(x, TOP + PLOT_HEIGHT + 16, "middle", Format.number(tick)));
        }
        svg.append(text(LEFT + PLOT_WIDTH / 2.0, HEIGHT - 20, "middle", xUnit));
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            StringBuilder points = new StringBuilder();
            for (Point point : line.points()) {
                points.append(coordinate(LEFT + point.x() / xMax * PLOT_WIDTH)).append(',')
                        .append(coordinate(yOf(point.y(), yMax))).append(' ');
            }
            svg.append(openSeries(line.name()));
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colour(i))
                    .append("\" points=\"").append(points.toString().strip()).append("\"/>");
            if (line.points().size() == 1) {
                Point only = line.points().getFirst();
                svg.append("<circle r=\"3\" fill=\"").append(colour(i)).append("\" cx=\"")
                        .append(coordinate(LEFT + only.x() / xMax * PLOT_WIDTH)).append("\" cy=\"")
                        .append(coordinate(yOf(only.y(), yMax))).append("\"/>");
            }
            svg.append("</g>\n");
            legend(svg, i, line.name());
        }
        return svg.append("</svg>\n").toString();
    }

    static String bars(String title, String yUnit, List<String> groups, List<Bars> series) {
        double yMax = niceMax(series.stream().flatMap(bars -> bars.values().stream())
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).max().orElse(0));
        StringBuilder svg = open(title);
        yAxis(svg, yMax, yUnit);
        double groupWidth = (double) PLOT_WIDTH / Math.max(1, groups.size());
        double barWidth = groupWidth * 0.8 / Math.max(1, series.size());
        for (int g = 0; g < groups.size(); g++) {
            double x = LEFT + g * groupWidth + groupWidth / 2;
            // "target · profile" on lines of their own: the groups are narrow
            String[] label = groups.get(g).split(" · ");
            for (int line = 0; line < label.length; line++) {
                svg.append(text(x, TOP + PLOT_HEIGHT + 16 + 12 * line, "middle", label[line]));
            }
        }
        for (int s = 0; s < series.size(); s++) {
            Bars bars = series.get(s);
            svg.append(openSeries(bars.name()));
            for (int g = 0; g < groups.size() && g < bars.values().size(); g++) {
                OptionalDouble value = bars.values().get(g);
                if (value.isEmpty()) {
                    continue;
                }
                double x = LEFT + g * groupWidth + groupWidth * 0.1 + s * barWidth;
                double y = yOf(value.getAsDouble(), yMax);
                svg.append("<rect fill=\"").append(colour(s)).append("\" x=\"").append(coordinate(x))
                        .append("\" y=\"").append(coordinate(y)).append("\" width=\"").append(coordinate(barWidth))
                        .append("\" height=\"").append(coordinate(TOP + PLOT_HEIGHT - y)).append("\"><title>")
                        .append(Html.escape(bars.name() + ", " + groups.get(g) + ": " + Format.number(value.getAsDouble())
                                + " " + yUnit)).append("</title></rect>");
            }
            svg.append("</g>\n");
            legend(svg, s, bars.name());
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n<title>").append(Html.escape(title))
                .append("</title>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"18\" font-size=\"13\" font-weight=\"bold\">")
                .append(Html.escape(title)).append("</text>\n");
        return svg;
    }

    private static void yAxis(StringBuilder svg, double yMax, String yUnit) {
        double yStep = step(yMax);
        for (double tick = 0; tick <= yMax * (1 + 1e-9); tick += yStep) {
            double y = yOf(tick, yMax);
            svg.append("<line stroke=\"#ddd\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_WIDTH)
                    .append("\" y1=\"").append(coordinate(y)).append("\" y2=\"").append(coordinate(y)).append("\"/>");
            svg.append(text(LEFT - 6, y + 4, "end", Format.number(tick)));
        }
        svg.append("<line stroke=\"#333\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_WIDTH)
                .append("\" y1=\"").append(TOP + PLOT_HEIGHT).append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\"/>\n");
        svg.append("<text transform=\"translate(16 ").append(TOP + PLOT_HEIGHT / 2).append(") rotate(-90)\" ")
                .append("text-anchor=\"middle\">").append(Html.escape(yUnit)).append("</text>\n");
    }

    private static String openSeries(String name) {
        return "<g class=\"series\"><title>" + Html.escape(name) + "</title>";
    }

    private static void legend(StringBuilder svg, int index, String name) {
        int y = TOP + 4 + index * 18;
        svg.append("<rect width=\"12\" height=\"12\" fill=\"").append(colour(index)).append("\" x=\"")
                .append(LEFT + PLOT_WIDTH + 16).append("\" y=\"").append(y).append("\"/>")
                .append(text(LEFT + PLOT_WIDTH + 34, y + 10, "start", name)).append('\n');
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" text-anchor=\"" + anchor + "\">"
                + Html.escape(content) + "</text>";
    }

    private static double yOf(double value, double yMax) {
        return TOP + PLOT_HEIGHT - value / yMax * PLOT_HEIGHT;
    }

    private static String colour(int index) {
        return COLOURS.get(index % COLOURS.size());
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The axis' end: the first multiple of a round step at or above the largest value (1 for none). */
    static double niceMax(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double step = step(max);
        return Math.ceil(max / step - 1e-9) * step;
    }

    /** A round step (1, 2 or 5 × 10^n) that cuts 0..max into about five. */
    private static double step(double max) {
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double mantissa = raw / magnitude;
        return (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10) * magnitude;
    }
}
