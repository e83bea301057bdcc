package io.geoscope.geoip.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  private final List<String> details = new ArrayList<>(List.of(""));
  private final Map<String, Integer> ids = new HashMap<>();
  private int recordsWithFlags;

  /** Flag descriptions by id; index 0 is the empty description of "not an anonymizer". */
  public String[] details() {
    return details.toArray(new String[0]);
  }

  /** How many distinct records carried any anonymizer field at all. */
  public int recordsWithFlags() {
    return recordsWithFlags;
  }

  @Override
  public int map(Map<String, Object> record) {
    StringBuilder detail = new StringBuilder();
    boolean known = false;
    for (String flag : FLAGS) {
      Object v = record.get(flag);
      known |= v != null;
      if (Boolean.TRUE.equals(v)) {
        detail.append(detail.length() == 0 ? "" : ", ").append(flag);
      }
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
      detail.append(", provider_name=").append(LocationRecords.printable((String) provider, 64));
    }
    String d = detail.toString();
    Integer id = ids.get(d);
    if (id == null) {
      id = details.size();
      details.add(d);
      ids.put(d, id);
    }
    return id;
  }
}
