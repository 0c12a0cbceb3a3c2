package dev.kippu.load.report;

import java.util.List;

/** Rows of text cells under a header: what the page renders as HTML and the summary as Markdown. */
record Table(List<String> header, List<List<String>> rows) {

    Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells under " + header.size()
                        + " headings: " + row);
            }
        }
    }
}
