package io.geoscope.dialin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The shipped prefix table: E.164 digit prefixes to ISO 3166-2 codes (or to "shared"), looked up by
 * longest match without allocating.
 *
 * <p>Immutable and thread-safe once built.
 */
final class PrefixTable {
  /** The longest prefix a row may have. */
  public static final int MAX_PREFIX = 15;

  /** One row: the prefix's digits, the subdivision code or null for a shared prefix, the note. */
  public record Row(String prefix, @Nullable String subdivision, String note) {}

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final List<Row> rows;
  /** By prefix length: the sorted prefix values of that length, and the row index of each. */
  private final long[][] keys = new long[MAX_PREFIX + 1][];
  private final int[][] rowOf = new int[MAX_PREFIX + 1][];

  private PrefixTable(List<Row> rows) {
    this.rows = List.copyOf(rows);
    for (int len = 1; len <= MAX_PREFIX; len++) {
      List<long[]> pairs = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        String p = rows.get(i).prefix();
        if (p.length() == len) {
          pairs.add(new long[] {Long.parseLong(p), i});
        }
      }
      pairs.sort((a, b) -> Long.compare(a[0], b[0]));
      keys[len] = new long[pairs.size()];
      rowOf[len] = new int[pairs.size()];
      for (int i = 0; i < pairs.size(); i++) {
        keys[len][i] = pairs.get(i)[0];
        rowOf[len][i] = (int) pairs.get(i)[1];
      }
    }
  }

  /** The table shipped with this module. */
  public static PrefixTable shipped() {
    try (InputStream in =
        PrefixTable.class.getResourceAsStream("/io/geoscope/dialin/subdivision-prefixes.tsv")) {
      return parse(Objects.requireNonNull(in, "subdivision-prefixes.tsv is missing from the jar"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a table: {@code prefix TAB code-or-dash TAB note} per line, {@code #} comments.
   *
   * @throws IllegalArgumentException naming the line of a malformed or duplicate row
   */
  public static PrefixTable parse(InputStream in) throws IOException {
    List<Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int lineNo = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 3
          || !cols[0].matches("[1-9][0-9]{0," + (MAX_PREFIX - 1) + "}")
          || !(cols[1].equals("-") || cols[1].matches("[A-Z]{2}-[A-Z0-9]{1,3}"))) {
        throw new IllegalArgumentException("prefix table line " + lineNo + " is malformed");
      }
      if (!seen.add(cols[0])) {
        throw new IllegalArgumentException("prefix table line " + lineNo + " repeats a prefix");
      }
      rows.add(new Row(cols[0], cols[1].equals("-") ? null : cols[1], cols[2]));
    }
    return new PrefixTable(rows);
  }

  /** Every row, in file order. */
  public List<Row> rows() {
    return rows;
  }

  /**
   * The index of the row with the longest prefix of the {@code digits}-digit number {@code value},
   * or -1. Allocation-free.
   */
  public int longestMatch(long value, int digits) {
    for (int len = Math.min(MAX_PREFIX, digits); len >= 1; len--) {
      long[] k = keys[len];
      if (k.length == 0) {
        continue;
      }
      int at = Arrays.binarySearch(k, value / POW10[digits - len]);
      if (at >= 0) {
        return rowOf[len][at];
      }
    }
    return -1;
  }
}
