package io.geoscope.geoip;

import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.UnknownReason;
import io.geoscope.geoip.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns location records into evidence, one {@link Evidence} per distinct (jurisdiction, field),
 * numbered from 0 (id 0 is "not in the database").
 *
 * <p>The physical {@code country} decides, never {@code registered_country} or {@code
 * represented_country}. With subdivisions, the most specific one (the last of {@code
 * subdivisions[]}) is the jurisdiction and the least specific (the first) is named in the detail. A
 * code that is not ISO 3166 gives an unknown jurisdiction, never a made-up one.
 *
 * <p>Not thread-safe; used at load time only.
 */
final class LocationRecords implements CompiledDatabase.RecordMapper {

  private final Schema schema;
  private final List<Evidence> evidence = new ArrayList<>();
  private final Map<Evidence, Integer> ids = new HashMap<>();
  private int recordsWithCountryField;

  /** Maps records of the given schema. */
  public LocationRecords(Schema schema) {
    this.schema = schema;
    idOf(unknown("no record for this address"));
  }

  private Evidence unknown(String detail) {
    return new Evidence(
        Jurisdiction.unknown(UnknownReason.NOT_FOUND), LocationSource.IP_GEOLOCATION, "", detail);
  }

  private int idOf(Evidence e) {
    Integer id = ids.get(e);
    if (id == null) {
      id = evidence.size();
      evidence.add(e);
      ids.put(e, id);
    }
    return id;
  }

  /** Evidence by id, each naming {@code producer}; index 0 is "not in the database". */
  public Evidence[] evidence(String producer) {
    Evidence[] out = new Evidence[evidence.size()];
    for (int i = 0; i < out.length; i++) {
      Evidence e = evidence.get(i);
      out[i] =
          new Evidence(
              e.jurisdiction(), e.source(), producer, e.detail(), e.accuracyRadiusKm(), Set.of());
    }
    return out;
  }

  /** How many distinct records had a country field at all (valid or not). */
  public int recordsWithCountryField() {
    return recordsWithCountryField;
  }

  /** The country, flat country code and subdivision codes; nothing else is decoded. */
  private static final Shape SHAPE =
      Shape.map(
          Map.of(
              "country", Shape.map(Map.of("iso_code", Shape.SCALAR)),
              "country_code", Shape.SCALAR,
              "subdivisions", Shape.arrayOf(Shape.map(Map.of("iso_code", Shape.SCALAR))),
              "location", Shape.map(Map.of("accuracy_radius", Shape.SCALAR))));

  @Override
  public Shape shape() {
    return SHAPE;
  }

  @Override
  public int map(Map<String, Object> record) {
    Evidence e = evidenceFor(record);
    int radius = accuracyRadiusKm(record);
    return idOf(radius == 0 || !e.jurisdiction().isKnown() ? e : e.withAccuracyRadiusKm(radius));
  }

  /**
   * MaxMind's {@code location.accuracy_radius} in kilometres, or 0 when absent or not a plausible
   * number (negative, or beyond half the Earth's circumference).
   */
  private static int accuracyRadiusKm(Map<String, Object> record) {
    Object location = record.get("location");
    if (!(location instanceof Map)) {
      return 0;
    }
    Object radius = ((Map<?, ?>) location).get("accuracy_radius");
    if (!(radius instanceof Number)) {
      return 0;
    }
    long km = ((Number) radius).longValue();
    return km < 0 || km > 20_040 ? 0 : (int) km;
  }

  private Evidence evidenceFor(Map<String, Object> record) {
    Object country = record.get("country");
    boolean nested = schema != Schema.FLAT_COUNTRY_CODE && country instanceof Map;
    String field;
    Object code;
    if (nested) {
      field = "country";
      code = ((Map<?, ?>) java.util.Objects.requireNonNull(country)).get("iso_code");
    } else if (schema != Schema.GEOIP2 && record.containsKey("country_code")) {
      field = "country_code";
      code = record.get("country_code");
    } else {
      return unknown("record has no country");
    }
    recordsWithCountryField++;
    if (!(code instanceof String)) {
      return unknown(field + " has no ISO code");
    }
    Jurisdiction c = Jurisdiction.findCountry((String) code);
    if (c == null) {
      return unknown(field + " '" + UntrustedText.bounded((String) code, 8) + "' is not an ISO 3166-1 code");
    }
    if (!nested) {
      return found(c, field);
    }
    Object subdivisions = record.get("subdivisions");
    if (!(subdivisions instanceof List) || ((List<?>) subdivisions).isEmpty()) {
      return found(c, field);
    }
    List<?> list = (List<?>) subdivisions;
    int last = list.size() - 1;
    Jurisdiction most = subdivision(c, list.get(last));
    if (most == null) {
      return found(c, field + " (subdivisions[" + last + "] has no valid ISO 3166-2 code)");
    }
    String detail = "subdivisions[" + last + "]";
    if (last > 0) {
      Jurisdiction least = subdivision(c, list.get(0));
      if (least != null) {
        detail += "; least specific subdivisions[0]=" + least.code();
      }
    }
    return found(most, detail);
  }

  private static @Nullable Jurisdiction subdivision(Jurisdiction country, Object entry) {
    if (!(entry instanceof Map)) {
      return null;
    }
    Object code = ((Map<?, ?>) entry).get("iso_code");
    if (!(code instanceof String)) {
      return null;
    }
    // The lookup that returns null: the throwing one builds a "did you mean" message (an edit
    // distance to every subdivision of the country) for each unknown code, 15% of a City compile.
    return Jurisdiction.findSubdivision(country.code() + "-" + code);
  }

  private Evidence found(Jurisdiction j, String detail) {
    return new Evidence(j, LocationSource.IP_GEOLOCATION, "", detail);
  }
}
