package io.geoscope.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.geoscope.core.AreaRef;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import io.geoscope.policy.PolicyReport.Exposure;
import io.geoscope.policy.PolicyReport.ExposureKey;
import io.geoscope.policy.PolicyReport.Reach;
import io.geoscope.policy.PolicyReport.Relief;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Optional;
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

  /**
   * Relief the new policy takes away or delays, as the exposure it creates: for participants in
   * {@code where}, the lifted rule's effect now reaches them on days it did not before.
   *
   * @param where the place the relief covered
   * @param ruleId the rule no longer lifted there (as of the new policy)
   * @param effect that rule's effect in the new policy, as text, e.g. {@code deny-join}
   * @param exemptionId the exemption removed or delayed
   * @param before the relief's validity in the old policy
   * @param after its validity in the new policy, or {@code removed}
   */
  public record LostRelief(
      String where, String ruleId, String effect, String exemptionId, String before,
      String after) {}

  private final String fromVersion;
  private final boolean sameLabelOtherContent;
  private final List<LostRelief> lostReliefs;
  private final List<AreaChange> areaChanges;
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
    sameLabelOtherContent = a.version().equals(b.version()) && !a.equals(b);
    lostReliefs = lostReliefsOf(a, b);
    areaChanges = areaChangesOf(a.areas().refs(), b.areas().refs());
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

  /** True if both policies carry the same version label but say different things. */
  public boolean versionLabelUnchanged() {
    return sameLabelOtherContent;
  }

  /**
   * An area added, removed or changed: its definition (postal codes, boundary), seen by its hash,
   * or its name, place or source.
   *
   * @param id the area's id
   * @param before the old policy's area, if it had one
   * @param after the new policy's area, if it has one
   */
  public record AreaChange(String id, Optional<AreaRef> before, Optional<AreaRef> after) {
    /** True if the definition itself changed (not only the name or source). */
    public boolean redefined() {
      return before.isPresent() && after.isPresent()
          && !before.get().definitionHash().equals(after.get().definitionHash());
    }
  }

  /** Areas added, removed or changed, by id. */
  public List<AreaChange> areaChanges() {
    return areaChanges;
  }

  private static List<AreaChange> areaChangesOf(List<AreaRef> a, List<AreaRef> b) {
    Map<String, AreaRef> before = new java.util.TreeMap<>();
    a.forEach(r -> before.put(r.id(), r));
    Map<String, AreaRef> after = new java.util.TreeMap<>();
    b.forEach(r -> after.put(r.id(), r));
    Set<String> ids = new java.util.TreeSet<>(before.keySet());
    ids.addAll(after.keySet());
    List<AreaChange> out = new ArrayList<>();
    for (String id : ids) {
      AreaRef x = before.get(id);
      AreaRef y = after.get(id);
      if (x == null || !x.equals(y)) {
        out.add(new AreaChange(id, Optional.ofNullable(x), Optional.ofNullable(y)));
      }
    }
    return List.copyOf(out);
  }

  private void areaText(StringBuilder out) {
    TextTable t = new TextTable("AREA", "CHANGE", "BEFORE", "AFTER");
    for (AreaChange c : areaChanges) {
      String what = c.before().isEmpty() ? "added"
          : c.after().isEmpty() ? "removed"
          : c.redefined() ? "REDEFINED" : "renamed or re-sourced";
      t.row(c.id(), what, c.before().map(PolicyDiff::shownArea).orElse(""),
          c.after().map(PolicyDiff::shownArea).orElse(""));
    }
    section(out, "Areas", t);
  }

  private static String shownArea(AreaRef r) {
    return r.name() + " in " + r.within().code() + ", " + r.definitionHash();
  }

  private void areaJson(ObjectNode root) {
    ArrayNode arr = root.putArray("areaChanges");
    for (AreaChange c : areaChanges) {
      ObjectNode n = arr.addObject();
      n.put("area", c.id());
      n.put("redefined", c.redefined());
      c.before().ifPresent(r -> n.put("beforeHash", r.definitionHash()));
      c.after().ifPresent(r -> n.put("afterHash", r.definitionHash()));
    }
  }

  /** Reliefs removed or delayed (later start, earlier end), as the exposure each creates. */
  public List<LostRelief> lostReliefs() {
    return lostReliefs;
  }

  /** True if there is nothing to sign off. */
  public boolean isEmpty() {
    return !sameLabelOtherContent && added.isEmpty() && removed.isEmpty() && changed.isEmpty()
        && reliefsAdded.isEmpty() && reliefsRemoved.isEmpty()
        && reachesAdded.isEmpty() && reachesRemoved.isEmpty() && areaChanges.isEmpty();
  }

  /** The diff as text tables, one section per kind of change; sections with nothing are left out. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Policy ").append(fromVersion).append(" -> ").append(toVersion).append('\n');
    if (isEmpty()) {
      return out.append("No change to sign off.\n").toString();
    }
    lostReliefText(out);
    areaText(out);
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
    lostReliefJson(root);
    areaJson(root);
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

  // ---- relief taken away and the version label (kept apart so other sections merge cleanly) ----

  private static List<LostRelief> lostReliefsOf(Policy a, Policy b) {
    Map<List<String>, Relief> after = new LinkedHashMap<>();
    for (Relief r : PolicyReport.reliefsOf(b)) {
      after.put(List.of(r.where(), r.ruleId(), r.exemptionId()), r);
    }
    List<LostRelief> out = new ArrayList<>();
    for (Relief old : PolicyReport.reliefsOf(a)) {
      Optional<Rule> rule = b.rule(old.ruleId());
      if (rule.isEmpty()) {
        continue; // the rule itself is gone: nothing left to lift
      }
      Relief now = after.get(List.of(old.where(), old.ruleId(), old.exemptionId()));
      if (now != null && !startsLater(old, now) && !endsEarlier(old, now)) {
        continue;
      }
      out.add(new LostRelief(old.where(), old.ruleId(), PolicyReport.describe(rule.get().effect()),
          old.exemptionId(), PolicyReport.validity(old.effective(), old.expires()),
          now == null ? "removed" : PolicyReport.validity(now.effective(), now.expires())));
    }
    return List.copyOf(out);
  }

  private static boolean startsLater(Relief old, Relief now) {
    LocalDate was = old.effective().orElse(LocalDate.MIN);
    return now.effective().orElse(LocalDate.MIN).isAfter(was);
  }

  private static boolean endsEarlier(Relief old, Relief now) {
    LocalDate was = old.expires().orElse(LocalDate.MAX);
    return now.expires().orElse(LocalDate.MAX).isBefore(was);
  }

  private void lostReliefText(StringBuilder out) {
    if (sameLabelOtherContent) {
      out.append("\nWARNING: the version label ").append(toVersion)
          .append(" did not change while the content did.\n");
    }
    TextTable t = new TextTable(
        "JURISDICTION", "NEW EXPOSURE", "RULE", "RELIEF TAKEN AWAY", "WAS", "NOW");
    for (LostRelief l : lostReliefs) {
      t.row(l.where(), "NEW " + l.effect().toUpperCase(java.util.Locale.ROOT), l.ruleId(),
          l.exemptionId(), l.before(), l.after());
    }
    section(out, "Exposure created by removed or delayed relief", t);
  }

  private void lostReliefJson(ObjectNode root) {
    root.put("versionLabelUnchanged", sameLabelOtherContent);
    ArrayNode arr = root.putArray("lostReliefs");
    for (LostRelief l : lostReliefs) {
      ObjectNode n = arr.addObject();
      n.put("jurisdiction", l.where());
      n.put("newExposure", l.effect());
      n.put("rule", l.ruleId());
      n.put("exemption", l.exemptionId());
      n.put("before", l.before());
      n.put("after", l.after());
    }
  }

  @Override
  public String toString() {
    return toText();
  }
}
