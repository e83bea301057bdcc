package io.geoscope.geoip;

import io.geoscope.core.Evidence;
import io.geoscope.geoip.DatabaseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keeps each City record's place detail (postal code, latitude, longitude, accuracy radius) beside
 * the evidence another mapper gives it: ids are distinct (evidence, place) pairs, so the range
 * table that holds evidence ids holds place ids too, and a lookup stays one table read.
 *
 * <p>Compact: per distinct pair, a float latitude and longitude, a short radius (MaxMind's {@code
 * accuracy_radius} is a uint16 of km), an int index into interned postal codes, and the evidence
 * id. Records without detail share one place per evidence, so Country databases get no more ids
 * than before. Not thread-safe; used at load time only.
 */
final class PlaceRecords implements CompiledDatabase.RecordMapper {
  /** No accuracy radius in the record. */
  public static final short NO_RADIUS = -1;

  private final CompiledDatabase.RecordMapper evidence;
  private final Map<Key, Integer> ids = new HashMap<>();
  private final Map<String, Integer> postalIds = new HashMap<>();
  private String[] postal = new String[8];
  private int postalCount = 1; // 0 is "no postal code"
  private int[] evidenceOf = new int[64];
  private float[] lat = new float[64];
  private float[] lon = new float[64];
  private short[] radius = new short[64];
  private int[] postalOf = new int[64];
  private int size;

  private record Key(int evidence, int postal, float lat, float lon, short radius) {}

  /** Wraps {@code evidence}; id 0 stays "no record" (evidence 0, no detail). */
  public PlaceRecords(CompiledDatabase.RecordMapper evidence) {
    this.evidence = evidence;
    idOf(new Key(0, 0, Float.NaN, Float.NaN, NO_RADIUS));
  }

  private static final Shape PLACE_SHAPE =
      Shape.map(
          Map.of(
              "location",
              Shape.map(
                  Map.of(
                      "latitude", Shape.SCALAR,
                      "longitude", Shape.SCALAR,
                      "accuracy_radius", Shape.SCALAR)),
              "postal", Shape.map(Map.of("code", Shape.SCALAR))));

  @Override
  public Shape shape() {
    return evidence.shape().union(PLACE_SHAPE);
  }

  @Override
  public int map(Map<String, Object> record) throws DatabaseException {
    int e = evidence.map(record);
    float la = Float.NaN;
    float lo = Float.NaN;
    short r = NO_RADIUS;
    Object location = record.get("location");
    if (location instanceof Map) {
      Map<?, ?> l = (Map<?, ?>) location;
      double a = number(l.get("latitude"));
      double o = number(l.get("longitude"));
      if (a >= -90 && a <= 90 && o >= -180 && o <= 180) {
        la = (float) a;
        lo = (float) o;
        double km = number(l.get("accuracy_radius"));
        r = km >= 0 && km <= Short.MAX_VALUE ? (short) km : NO_RADIUS;
      }
    }
    int p = 0;
    Object postalField = record.get("postal");
    if (postalField instanceof Map && ((Map<?, ?>) postalField).get("code") instanceof String) {
      String code = (String) ((Map<?, ?>) postalField).get("code");
      if (!code.isEmpty() && code.length() <= 16) {
        p = postalIds.computeIfAbsent(code, this::intern);
      }
    }
    return idOf(new Key(e, p, la, lo, r));
  }

  private int intern(String code) {
    if (postalCount == postal.length) {
      postal = Arrays.copyOf(postal, postalCount * 2);
    }
    postal[postalCount] = code;
    return postalCount++;
  }

  private static double number(@Nullable Object o) {
    return o instanceof Number ? ((Number) o).doubleValue() : Double.NaN;
  }

  private int idOf(Key k) {
    Integer id = ids.get(k);
    if (id != null) {
      return id;
    }
    if (size == evidenceOf.length) {
      int n = size * 2;
      evidenceOf = Arrays.copyOf(evidenceOf, n);
      lat = Arrays.copyOf(lat, n);
      lon = Arrays.copyOf(lon, n);
      radius = Arrays.copyOf(radius, n);
      postalOf = Arrays.copyOf(postalOf, n);
    }
    evidenceOf[size] = k.evidence();
    lat[size] = k.lat();
    lon[size] = k.lon();
    radius[size] = k.radius();
    postalOf[size] = k.postal();
    ids.put(k, size);
    return size++;
  }

  /** Evidence by place id, from evidence by the wrapped mapper's id (shared, not copied). */
  public Evidence[] evidence(Evidence[] byEvidenceId) {
    Evidence[] out = new Evidence[size];
    for (int i = 0; i < size; i++) {
      out[i] = byEvidenceId[evidenceOf[i]];
    }
    return out;
  }

  /** The place detail by place id, trimmed to size. */
  public PlaceTable places(Evidence[] byPlaceId) {
    return new PlaceTable(
        byPlaceId,
        Arrays.copyOf(postal, postalCount),
        Arrays.copyOf(postalOf, size),
        Arrays.copyOf(lat, size),
        Arrays.copyOf(lon, size),
        Arrays.copyOf(radius, size));
  }
}
