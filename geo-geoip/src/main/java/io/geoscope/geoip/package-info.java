/**
 * Resolves IP addresses to jurisdictions from MaxMind DB files (GeoIP2, GeoLite2, DB-IP and flat
 * {@code country_code} databases), with an optional Anonymous-IP database.
 *
 * <p>The one front door is {@link io.geoscope.geoip.GeoResolver#builder()}. No MaxMind type appears
 * in this package's API; a bad file is reported as a {@link io.geoscope.geoip.DatabaseException}.
 */
@NullMarked
package io.geoscope.geoip;

import org.jspecify.annotations.NullMarked;
