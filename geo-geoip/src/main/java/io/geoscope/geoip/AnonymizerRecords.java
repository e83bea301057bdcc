package io.geoscope.geoip;

import io.geoscope.core.Anonymizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns GeoIP2 Anonymous-IP and GeoIP Anonymous Plus records into a numbered list of flag
 * descriptions, e.g. {@code "is_anonymous, is_anonymous_vpn, anonymizer_confidence=30"}. Id 0 means
 * "not an anonymizer" (no record, or no flag set).
 *
 * <p>Not thread-safe; used at load time only.
 */
final class AnonymizerRecords implements CompiledDatabase.RecordMapper {

  private static final List<String> FLAGS =
      List.of(
          "is_anonymous",
          "is_anonymous_vpn",
          "is_hosting_provider",
          "is_public_proxy",
          "is_residential_proxy",
          "is_tor_exit_node");

  /** The typed fact of each flag in {@link #FLAGS}, by position. */
  private static final List<Anonymizer> KINDS =
      List.of(
          Anonymizer.ANONYMOUS,
          Anonymizer.VPN,
          Anonymizer.HOSTING,
          Anonymizer.PUBLIC_PROXY,
          Anonymizer.RESIDENTIAL_PROXY,
          Anonymizer.TOR_EXIT);

  private final List<String> details = new ArrayList<>(List.of(""));
  private final List<Set<Anonymizer>> kinds = new ArrayList<>(List.of(Set.of()));
  private final Map<String, Integer> ids = new HashMap<>();
  private int recordsWithFlags;

  /** Flag descriptions by id; index 0 is the empty description of "not an anonymizer". */
  public String[] details() {
    return details.toArray(new String[0]);
  }

  /**
   * The typed anonymizer facts by id, aligned with {@link #details()}. {@code is_anonymous} is
   * only {@link Anonymizer#ANONYMOUS} when no more specific flag is set.
   */
  public List<Set<Anonymizer>> kinds() {
    return List.copyOf(kinds);
  }

  /** How many distinct records carried any anonymizer field at all. */
  public int recordsWithFlags() {
    return recordsWithFlags;
  }

  private static final Shape SHAPE = flagShape();

  private static Shape flagShape() {
    Map<String, Shape> fields = new HashMap<>();
    for (String flag : FLAGS) {
      fields.put(flag, Shape.SCALAR);
    }
    fields.put("anonymizer_confidence", Shape.SCALAR);
    fields.put("provider_name", Shape.SCALAR);
    return Shape.map(fields);
  }

  /** The flags, the confidence and the provider name; nothing else is decoded. */
  @Override
  public Shape shape() {
    return SHAPE;
  }

  @Override
  public int map(Map<String, Object> record) {
    StringBuilder detail = new StringBuilder();
    EnumSet<Anonymizer> facts = EnumSet.noneOf(Anonymizer.class);
    boolean known = false;
    for (int i = 0; i < FLAGS.size(); i++) {
      String flag = FLAGS.get(i);
      Object v = record.get(flag);
      known |= v != null;
      if (Boolean.TRUE.equals(v)) {
        detail.append(detail.length() == 0 ? "" : ", ").append(flag);
        facts.add(KINDS.get(i));
      }
    }
    if (facts.size() > 1) {
      facts.remove(Anonymizer.ANONYMOUS);
    }
    Object confidence = record.get("anonymizer_confidence");
    known |= confidence != null;
    if (known) {
      recordsWithFlags++;
    }
    if (detail.length() == 0) {
      return 0;
    }
    if (confidence instanceof Number) {
      detail.append(", anonymizer_confidence=").append(((Number) confidence).longValue());
    }
    Object provider = record.get("provider_name");
    if (provider instanceof String) {
      detail.append(", provider_name=").append(UntrustedText.bounded((String) provider, 64));
    }
    String d = detail.toString();
    Integer id = ids.get(d);
    if (id == null) {
      id = details.size();
      details.add(d);
      kinds.add(Set.copyOf(facts));
      ids.put(d, id);
    }
    return id;
  }
}
