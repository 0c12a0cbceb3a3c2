package dev.kippu.load.report;

import java.util.List;

/** Text escaped for HTML and SVG (values come from result files), and tables as HTML. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String table(Table table) {
        StringBuilder html = new StringBuilder("<table>\n<thead>");
        html.append(row("th", table.header())).append("</thead>\n<tbody>\n");
        table.rows().forEach(cells -> html.append(row("td", cells)));
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String row(String cell, List<String> cells) {
        StringBuilder html = new StringBuilder("<tr>");
        cells.forEach(text -> html.append('<').append(cell).append('>').append(escape(text))
                .append("</").append(cell).append('>'));
        return html.append("</tr>\n").toString();
    }
}
