package io.geoscope.appeals;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Jurisdiction;
import java.time.Instant;
import java.util.List;

/**
 * Appeal counts for one period, per jurisdiction the appellants had been placed in: what a
 * transparency report publishes (GitHub's trade-controls report gives, for example, Crimea in
 * 2021: 1,069 appeals approved, 119 denied). Counts only; no account ids.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param from start of the period (inclusive)
 * @param to end of the period (exclusive)
 * @param rows one row per jurisdiction with any appeal to count, in code order
 */
public record AppealsReport(Instant from, Instant to, List<Row> rows) {

  /**
   * The counts for one jurisdiction.
   *
   * @param placedIn where the appellants had been placed
   * @param received appeals filed in the period
   * @param approved appeals approved in the period
   * @param denied appeals denied in the period
   * @param pending appeals still pending at the end of the period
   * @param expired appeals that lapsed in the period
   */
  public record Row(
      Jurisdiction placedIn, long received, long approved, long denied, long pending, long expired) {
    /** Checks the jurisdiction is given. */
    public Row {
      requireNonNull(placedIn, "placedIn");
    }
  }

  /** Checks the components and copies the rows. */
  public AppealsReport {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    rows = List.copyOf(rows);
  }

  /** The sum of one column over every row. */
  public long total(java.util.function.ToLongFunction<Row> column) {
    long sum = 0;
    for (Row r : rows) {
      sum += column.applyAsLong(r);
    }
    return sum;
  }

  /** A fixed-width text table with a total line. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append("Appeals ").append(from).append(" to ").append(to).append('\n');
    String fmt = "%-12s %9s %9s %9s %9s %9s%n";
    b.append(String.format(fmt, "placed in", "received", "approved", "denied", "pending", "expired"));
    for (Row r : rows) {
      b.append(String.format(fmt, r.placedIn().code(), r.received(), r.approved(), r.denied(),
          r.pending(), r.expired()));
    }
    b.append(String.format(fmt, "total", total(Row::received), total(Row::approved),
        total(Row::denied), total(Row::pending), total(Row::expired)));
    return b.toString();
  }

  /**
   * JSON: {@code {"from":..., "to":..., "appeals":[{"placed_in":"UA-43","received":3,...}]}}.
   * Every string written is an ISO instant or a jurisdiction code, so no escaping is needed.
   */
  public String toJson() {
    StringBuilder b = new StringBuilder();
    b.append("{\"from\":\"").append(from).append("\",\"to\":\"").append(to).append("\",\"appeals\":[");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      b.append(i == 0 ? "" : ",")
          .append("{\"placed_in\":\"").append(r.placedIn().code())
          .append("\",\"received\":").append(r.received())
          .append(",\"approved\":").append(r.approved())
          .append(",\"denied\":").append(r.denied())
          .append(",\"pending\":").append(r.pending())
          .append(",\"expired\":").append(r.expired())
          .append('}');
    }
    return b.append("]}").toString();
  }
}
