package io.geoscope.server;

import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.geoip.InvalidAddressException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one place that chooses which of a hook's signals places a participant, until the library
 * has its own multi-signal participants. Precedence, as the CLI's roster: a {@code dial_in} code
 * (where the number dialled from is), then a {@code site} code (where a room system is), then the
 * client {@code address} the meeting server saw, resolved through the database, then a {@code
 * declared} code (what the user said). None of them: {@code unknown:no-evidence}.
 *
 * <p>Immutable and thread-safe.
 */
final class Signals {
  private final GeoResolver resolver;

  Signals(GeoResolver resolver) {
    this.resolver = resolver;
  }

  Evidence evidence(
      @Nullable String dialIn, @Nullable String site, @Nullable String address, @Nullable String declared)
      throws BadRequestException {
    if (dialIn != null) {
      return new Evidence(code(dialIn, "dial_in"), LocationSource.DIAL_IN, "hook", "dial_in");
    }
    if (site != null) {
      return new Evidence(code(site, "site"), LocationSource.ROOM_SYSTEM, "hook", "site");
    }
    if (address != null) {
      try {
        return resolver.resolve(address);
      } catch (InvalidAddressException e) {
        throw new BadRequestException(
            "participant.address is not an IP address (" + e.reason().description() + ")");
      }
    }
    if (declared != null) {
      return new Evidence(code(declared, "declared"), LocationSource.DECLARED, "hook", "declared");
    }
    return Evidence.none();
  }

  private static Jurisdiction code(String value, String field) throws BadRequestException {
    try {
      return Jurisdiction.of(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "participant." + field + " is not a country or subdivision code such as DE or US-CA");
    }
  }
}
