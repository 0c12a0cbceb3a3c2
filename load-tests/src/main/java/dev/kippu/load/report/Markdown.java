package dev.kippu.load.report;

import java.util.List;
import java.util.stream.Collectors;

/** Tables as GitHub-flavoured Markdown, ready to paste into docs/benchmarks.md. */
final class Markdown {

    private Markdown() {
    }

    static String table(Table table) {
        StringBuilder markdown = new StringBuilder(row(table.header()));
        markdown.append(table.header().stream().map(heading -> "---").collect(Collectors.joining("|", "|", "|\n")));
        table.rows().forEach(cells -> markdown.append(row(cells)));
        return markdown.toString();
    }

    private static String row(List<String> cells) {
        // a cell from a result file may hold a pipe or a line break, which would end the cell or the row
        return cells.stream().map(cell -> cell.replace("|", "\\|").replaceAll("\\R", " "))
                .collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
