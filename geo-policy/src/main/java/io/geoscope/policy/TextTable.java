package io.geoscope.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with a header row and left-aligned, space-padded columns, for reports read
 * in terminals and review tools. Line breaks inside cells are shown as {@code \n}. Not
 * thread-safe.
 */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column headings. */
  public TextTable(String... header) {
    this.header = List.of(header);
  }

  /**
   * Adds a row.
   *
   * @throws IllegalArgumentException if the cell count differs from the header's
   */
  public TextTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, header has " + header.size());
    }
    List<String> row = new ArrayList<>();
    for (String c : cells) {
      row.add(c.replace("\r", "\\r").replace("\n", "\\n"));
    }
    rows.add(row);
    return this;
  }

  /** True if no row was added. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table, one line per row, each ending in a newline. */
  public String render() {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append("  ");
      }
      line.append(cells.get(i));
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - cells.get(i).length()));
      }
    }
    out.append(line).append('\n');
  }
}
