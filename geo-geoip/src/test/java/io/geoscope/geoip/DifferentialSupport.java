package io.geoscope.geoip;

import io.geoscope.core.Jurisdiction;
import io.geoscope.core.UnknownReason;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The tests' own, deliberately plain reading of a decoded MaxMind record. */
final class DifferentialSupport {

  private DifferentialSupport() {}

  /** country.iso_code (or a flat country_code), refined by the last subdivision. */
  static Jurisdiction jurisdictionOf(@Nullable Map<String, Object> record) {
    if (record == null) {
      return Jurisdiction.unknown(UnknownReason.NOT_FOUND);
    }
    String country = null;
    if (record.get("country") instanceof Map<?, ?> c && c.get("iso_code") instanceof String s) {
      country = s;
    } else if (record.get("country_code") instanceof String s) {
      country = s;
    }
    if (country == null || Jurisdiction.findCountry(country) == null) {
      return Jurisdiction.unknown(UnknownReason.NOT_FOUND);
    }
    if (record.get("subdivisions") instanceof List<?> subs
        && !subs.isEmpty()
        && subs.get(subs.size() - 1) instanceof Map<?, ?> last
        && last.get("iso_code") instanceof String code) {
      return Jurisdiction.of(country + "-" + code);
    }
    return Jurisdiction.of(country);
  }
}
