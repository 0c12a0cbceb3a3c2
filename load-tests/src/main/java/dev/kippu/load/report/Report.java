package dev.kippu.load.report;

import java.util.ArrayList;
import java.util.List;

import dev.kippu.load.spike.Spike;
import dev.kippu.load.spike.SpikeOutcome;

/**
 * Everything the report shows, computed once: the runs compared, the models' inputs, the runtimes
 * priced, the flash sale on each; rendered as one self-contained HTML page (inline CSS and SVG, no
 * script, nothing fetched) and as the Markdown summary for docs/benchmarks.md.
 */
record Report(ComparedRuns runs, ModelInputs inputs, List<DeployedRuntimes.Deployed> runtimes, Spike spike,
              List<SpikeOutcome> sale) {

    private static final String TITLE = "Kippu: load tests compared";
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; max-width: 80em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            svg.chart { display: block; margin: 1em 0; }
            p.note { color: #555; }
            """;

    static Report of(ComparedRuns runs, Spike spike) {
        ModelInputs inputs = ModelInputs.from(runs);
        List<DeployedRuntimes.Deployed> runtimes = DeployedRuntimes.of(inputs);
        return new Report(runs, inputs, runtimes, spike, SpikeSection.outcomes(spike, runtimes));
    }

    /** Every chart of the page, in its order: standalone SVG documents. */
    List<String> charts() {
        List<String> charts = new ArrayList<>(RunCharts.all(runs));
        charts.add(CostSection.chart(runtimes));
        charts.addAll(SpikeSection.charts(sale));
        return charts;
    }

    String html() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                """);
        html.append("<title>").append(TITLE).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(TITLE).append("</h1>\n");
        paragraph(html, SummarySection.machinesAndDates(runs), "note");
        html.append("""
                <p><a href="#summary">1. Summary</a> · <a href="#charts">2. Charts</a> · <a href="#cost">3. Cost model</a> · \
                <a href="#spike">4. Spike model</a> · <a href="#sla">5. SLAs and availability</a></p>
                """);

        html.append("<h2 id=\"summary\">1. Summary</h2>\n");
        paragraph(html, "Each figure with its ratio to the local run (the executable jar) of the same profile, where "
                + "there is one; — where the run did not measure it (schema-1 results have no start, memory, CPU).", "note");
        html.append(Html.table(SummarySection.figures(runs)));
        paragraph(html, SummarySection.ceiling(runs), "");
        SummarySection.ceilingLevels(runs).ifPresent(levels -> html.append(Html.table(levels)));
        html.append("<h3>Runs</h3>\n").append(Html.table(SummarySection.runs(runs)));
        if (!runs.leftOut().isEmpty()) {
            paragraph(html, "Left out, a later run of the same target and profile (or a later ceiling) being read: "
                    + String.join(", ", runs.leftOut().stream().map(Object::toString).toList()) + ".", "note");
        }

        html.append("<h2 id=\"charts\">2. Charts</h2>\n");
        RunCharts.all(runs).forEach(html::append);

        html.append("<h2 id=\"cost\">3. Cost model</h2>\n");
        paragraph(html, "docs/cost-model.md has the formulas. Inputs, measured in the runs read or assumed:", "");
        html.append(Html.table(CostSection.inputs(inputs)));
        html.append(Html.table(CostSection.cheapest(runtimes)));
        html.append(Html.table(CostSection.costs(runtimes)));
        html.append(Html.table(CostSection.crossovers(runtimes)));
        html.append(CostSection.chart(runtimes));
        html.append("<h3>Prices</h3>\n");
        paragraph(html, "On-demand list prices, no free tier; \"as quoted by\" names the third party a price was read "
                + "from where the provider's page did not show it.", "note");
        html.append(Html.table(CostSection.prices()));

        html.append("<h2 id=\"spike\">4. Spike model</h2>\n");
        paragraph(html, SpikeSection.describe(spike) + " docs/spike-model.md has the scaling of each runtime and the "
                + "assumptions; the cost is the observed seconds' (fixed monthly charges left out).", "");
        html.append(Html.table(SpikeSection.table(sale)));
        SpikeSection.charts(sale).forEach(html::append);

        html.append("<h2 id=\"sla\">5. SLAs and availability</h2>\n");
        html.append(Html.table(SlaSection.slas()));
        paragraph(html, "A path's availability is the product of its hops' SLAs (they are in series): what the "
                + "contracts promise together, not a prediction; an upper bound where a hop has none.", "note");
        html.append(Html.table(SlaSection.paths()));
        return html.append("</body>\n</html>\n").toString();
    }

    String markdown() {
        StringBuilder markdown = new StringBuilder("## Load tests compared\n\n");
        markdown.append(SummarySection.machinesAndDates(runs)).append(" Each figure with its ratio to the local run "
                + "of the same profile; — where the run did not measure it.\n\n");
        markdown.append(Markdown.table(SummarySection.figures(runs))).append('\n');
        markdown.append(SummarySection.ceiling(runs)).append("\n\n");
        markdown.append("### Cost model\n\n").append(Markdown.table(CostSection.inputs(inputs))).append('\n');
        markdown.append(Markdown.table(CostSection.cheapest(runtimes))).append('\n');
        markdown.append(Markdown.table(CostSection.costs(runtimes))).append('\n');
        markdown.append(Markdown.table(CostSection.crossovers(runtimes))).append('\n');
        markdown.append("### Spike model\n\n").append(SpikeSection.describe(spike)).append("\n\n");
        markdown.append(Markdown.table(SpikeSection.table(sale)));
        return markdown.toString();
    }

    private static void paragraph(StringBuilder html, String text, String htmlClass) {
        html.append(htmlClass.isEmpty() ? "<p>" : "<p class=\"" + htmlClass + "\">").append(Html.escape(text))
                .append("</p>\n");
    }
}
