package io.geoscope.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.geoscope.core.Policy;
import io.geoscope.policy.PolicyReport.Exposure;
import io.geoscope.policy.PolicyReport.ExposureKey;
import io.geoscope.policy.PolicyReport.Reach;
import io.geoscope.policy.PolicyReport.Relief;
import io.geoscope.policy.internal.Json;
import io.geoscope.policy.internal.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changing from one policy to another would make a reviewer sign off: exposures (place ×
 * effect × meeting condition × mode) that are new, removed, or kept under different rules or
 * legal bases; exemption reliefs added or removed; and extraterritorial reaches added or removed.
 *
 * <p>The diff is exact: taking the {@linkplain PolicyReport#exposures() exposures} of the old
 * policy, removing {@link #removed()}, adding {@link #added()} and replacing each {@link
 * #changed()} entry by its {@code after} gives those of the new policy; likewise for reliefs and
 * reaches. Comparing a policy with itself gives an {@linkplain #isEmpty() empty} diff, and two
 * policies with an empty diff decide alike for every participant, meeting and instant. Time plays
 * no part: validity dates are compared as written.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PolicyDiff {

  /**
   * An exposure kept under different rules, legal bases or dates.
   *
   * @param before as in the old policy
   * @param after as in the new policy
   */
  public record Change(Exposure before, Exposure after) {}

  private final String fromVersion;
  private final String toVersion;
  private final List<Exposure> added;
  private final List<Exposure> removed;
  private final List<Change> changed;
  private final List<Relief> reliefsAdded;
  private final List<Relief> reliefsRemoved;
  private final List<Reach> reachesAdded;
  private final List<Reach> reachesRemoved;

  private PolicyDiff(Policy a, Policy b) {
    fromVersion = a.version();
    toVersion = b.version();
    Map<ExposureKey, Exposure> before = byKey(PolicyReport.exposuresOf(a));
    Map<ExposureKey, Exposure> after = byKey(PolicyReport.exposuresOf(b));
    List<Exposure> add = new ArrayList<>();
    List<Change> change = new ArrayList<>();
    for (Exposure e : after.values()) {
      Exposure old = before.get(e.key());
      if (old == null) {
        add.add(e);
      } else if (!old.equals(e)) {
        change.add(new Change(old, e));
      }
    }
    List<Exposure> remove = new ArrayList<>();
    for (Exposure e : before.values()) {
      if (!after.containsKey(e.key())) {
        remove.add(e);
      }
    }
    added = List.copyOf(add);
    removed = List.copyOf(remove);
    changed = List.copyOf(change);
    reliefsAdded = minus(PolicyReport.reliefsOf(b), PolicyReport.reliefsOf(a));
    reliefsRemoved = minus(PolicyReport.reliefsOf(a), PolicyReport.reliefsOf(b));
    reachesAdded = minus(PolicyReport.reachesOf(b), PolicyReport.reachesOf(a));
    reachesRemoved = minus(PolicyReport.reachesOf(a), PolicyReport.reachesOf(b));
  }

  /** The difference from {@code before} to {@code after}. */
  public static PolicyDiff between(Policy before, Policy after) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    return new PolicyDiff(before, after);
  }

  private static Map<ExposureKey, Exposure> byKey(List<Exposure> exposures) {
    Map<ExposureKey, Exposure> out = new LinkedHashMap<>();
    for (Exposure e : exposures) {
      out.put(e.key(), e);
    }
    return out;
  }

  private static <T> List<T> minus(List<T> from, List<T> taken) {
    Set<T> out = new LinkedHashSet<>(from);
    taken.forEach(out::remove);
    return List.copyOf(out);
  }

  /** Exposures only the new policy has, in report order. */
  public List<Exposure> added() {
    return added;
  }

  /** Exposures only the old policy has, in report order. */
  public List<Exposure> removed() {
    return removed;
  }

  /** Exposures both have, under different rules, legal bases or dates. */
  public List<Change> changed() {
    return changed;
  }

  /** Exemption reliefs only the new policy has. */
  public List<Relief> reliefsAdded() {
    return reliefsAdded;
  }

  /** Exemption reliefs only the old policy has. */
  public List<Relief> reliefsRemoved() {
    return reliefsRemoved;
  }

  /** Extraterritorial reaches only the new policy has. */
  public List<Reach> reachesAdded() {
    return reachesAdded;
  }

  /** Extraterritorial reaches only the old policy has. */
  public List<Reach> reachesRemoved() {
    return reachesRemoved;
  }

  /** True if there is nothing to sign off. */
  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty()
        && reliefsAdded.isEmpty() && reliefsRemoved.isEmpty()
        && reachesAdded.isEmpty() && reachesRemoved.isEmpty();
  }

  /** The diff as text tables, one section per kind of change; sections with nothing are left out. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Policy ").append(fromVersion).append(" -> ").append(toVersion).append('\n');
    if (isEmpty()) {
      return out.append("No change to sign off.\n").toString();
    }
    section(out, "New exposures", PolicyReport.exposureTable(added));
    section(out, "Removed exposures", PolicyReport.exposureTable(removed));
    TextTable changes =
        new TextTable("JURISDICTION", "EFFECT", "WHEN", "MODE", "RULES BEFORE", "RULES AFTER");
    for (Change c : changed) {
      ExposureKey k = c.after().key();
      changes.row(k.where(), PolicyReport.describe(k.effect()), PolicyReport.describe(k.when()),
          k.mode().code(), sources(c.before()), sources(c.after()));
    }
    section(out, "Changed legal basis", changes);
    section(out, "New exemption reliefs", PolicyReport.reliefTable(reliefsAdded));
    section(out, "Removed exemption reliefs", PolicyReport.reliefTable(reliefsRemoved));
    section(out, "New extraterritorial reach", PolicyReport.reachTable(reachesAdded));
    section(out, "Removed extraterritorial reach", PolicyReport.reachTable(reachesRemoved));
    return out.toString();
  }

  private static String sources(Exposure e) {
    StringBuilder s = new StringBuilder();
    for (PolicyReport.Source src : e.sources()) {
      if (s.length() > 0) {
        s.append("; ");
      }
      s.append(PolicyReport.describe(src)).append(' ')
          .append(PolicyReport.validity(src.effective(), src.expires()));
    }
    return s.toString();
  }

  private static void section(StringBuilder out, String title, TextTable table) {
    if (!table.isEmpty()) {
      out.append('\n').append(title).append(":\n").append(table.render());
    }
  }

  /** The diff as pretty-printed JSON. */
  public String toJson() {
    ObjectNode root = Json.object();
    root.put("from", fromVersion);
    root.put("to", toVersion);
    root.put("empty", isEmpty());
    ArrayNode add = root.putArray("added");
    added.forEach(e -> add.add(PolicyReport.json(e)));
    ArrayNode rem = root.putArray("removed");
    removed.forEach(e -> rem.add(PolicyReport.json(e)));
    ArrayNode chg = root.putArray("changed");
    for (Change c : changed) {
      ObjectNode n = chg.addObject();
      n.set("before", PolicyReport.json(c.before()));
      n.set("after", PolicyReport.json(c.after()));
    }
    ArrayNode ra = root.putArray("reliefsAdded");
    reliefsAdded.forEach(r -> ra.add(PolicyReport.json(r)));
    ArrayNode rr = root.putArray("reliefsRemoved");
    reliefsRemoved.forEach(r -> rr.add(PolicyReport.json(r)));
    ArrayNode xa = root.putArray("reachesAdded");
    reachesAdded.forEach(r -> xa.add(PolicyReport.json(r)));
    ArrayNode xr = root.putArray("reachesRemoved");
    reachesRemoved.forEach(r -> xr.add(PolicyReport.json(r)));
    return Json.print(root);
  }

  @Override
  public String toString() {
    return toText();
  }
}
