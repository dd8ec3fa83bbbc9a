package io.tasklog.admin;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain text table with aligned columns: numbers right-aligned, everything else left-aligned, two
 * spaces between columns and no trailing blanks, so the output also reads well through {@code grep}.
 */
final class Table {

    private final String[] headers;
    private final List<Object[]> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = headers;
    }

    Table row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " cells, got " + Arrays.toString(cells));
        }
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out) {
        int[] widths = new int[headers.length];
        boolean[] numeric = new boolean[headers.length];
        Arrays.fill(numeric, !rows.isEmpty());
        for (int column = 0; column < headers.length; column++) {
            widths[column] = headers[column].length();
            for (Object[] row : rows) {
                widths[column] = Math.max(widths[column], text(row[column]).length());
                numeric[column] &= row[column] instanceof Number || "-".equals(row[column]);
            }
        }
        out.println(line(headers, widths, numeric));
        for (Object[] row : rows) {
            out.println(line(row, widths, numeric));
        }
    }

    private static String line(Object[] cells, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            String text = text(cells[column]);
            String padding = " ".repeat(widths[column] - text.length());
            line.append(column == 0 ? "" : "  ").append(numeric[column] ? padding + text : text + padding);
        }
        return line.toString().stripTrailing();
    }

    private static String text(Object cell) {
        return cell == null ? "-" : cell.toString();
    }
}
