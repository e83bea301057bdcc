package io.geoscope.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.geoscope.core.Outcome;
import io.geoscope.event.TransparencyReport;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a {@link TransparencyReport} (the counts geo-core collects) as text tables or JSON, the
 * forms a provider publishes. The report itself lives in geo-core, which has no JSON library.
 *
 * <p>Stateless and thread-safe.
 */
public final class TransparencyReports {
  private TransparencyReports() {}

  /** The report as text tables: outcomes by jurisdiction, rules, legal bases. */
  public static String toText(TransparencyReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Decisions from ").append(report.from()).append(" to ").append(report.to())
        .append(": ").append(report.total()).append('\n');
    TextTable outcomes = new TextTable("JURISDICTION", "ADMIT", "ADMIT-LIMITED", "DENY", "TOTAL");
    report.byJurisdiction().forEach((j, counts) -> outcomes.row(j, count(counts, Outcome.ADMIT),
        count(counts, Outcome.ADMIT_LIMITED), count(counts, Outcome.DENY),
        Long.toString(counts.values().stream().mapToLong(Long::longValue).sum())));
    Map<Outcome, Long> all = report.byOutcome();
    outcomes.row("all", count(all, Outcome.ADMIT), count(all, Outcome.ADMIT_LIMITED),
        count(all, Outcome.DENY), Long.toString(report.total()));
    out.append('\n').append(outcomes.render());
    TextTable rules = new TextTable("RULE", "APPLIED", "SHADOW MATCHES");
    Set<String> ids = new TreeSet<>(report.byRule().keySet());
    ids.addAll(report.byShadowRule().keySet());
    for (String id : ids) {
      rules.row(id, Long.toString(report.byRule().getOrDefault(id, 0L)),
          Long.toString(report.byShadowRule().getOrDefault(id, 0L)));
    }
    out.append('\n').append(rules.isEmpty() ? "No rule applied.\n" : rules.render());
    TextTable bases = new TextTable("LEGAL BASIS", "DECISIONS");
    report.byCitation().forEach((c, n) -> bases.row(c, Long.toString(n)));
    out.append('\n').append(bases.isEmpty() ? "No legal basis applied.\n" : bases.render());
    return out.toString();
  }

  /** The report as pretty-printed JSON; outcomes use their codes ({@code admit-limited}). */
  public static String toJson(TransparencyReport report) {
    ObjectNode root = Json.object();
    root.put("from", report.from().toString());
    root.put("to", report.to().toString());
    root.put("total", report.total());
    root.set("byOutcome", outcomes(report.byOutcome()));
    ObjectNode j = root.putObject("byJurisdiction");
    report.byJurisdiction().forEach((code, counts) -> j.set(code, outcomes(counts)));
    ObjectNode r = root.putObject("byRule");
    report.byRule().forEach(r::put);
    ObjectNode s = root.putObject("byShadowRule");
    report.byShadowRule().forEach(s::put);
    ObjectNode c = root.putObject("byCitation");
    report.byCitation().forEach(c::put);
    return Json.print(root);
  }

  private static String count(Map<Outcome, Long> counts, Outcome o) {
    return Long.toString(counts.getOrDefault(o, 0L));
  }

  private static ObjectNode outcomes(Map<Outcome, Long> counts) {
    ObjectNode n = Json.object();
    counts.forEach((o, v) -> n.put(o.code(), v));
    return n;
  }
}
