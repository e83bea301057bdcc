/**
 * Areas below subdivisions: an {@link io.geoscope.areas.Area} is defined by postal codes and/or a
 * GeoJSON boundary, checked by {@link io.geoscope.areas.AreaValidator} (every problem as data) and
 * compiled into an {@link io.geoscope.areas.AreaSet}, which places a participant inside, outside or
 * uncertain and names the test that placed them.
 *
 * <p>Every public type here is an immutable value or a thread-safe compiled structure.
 */
@NullMarked
package io.geoscope.areas;

import org.jspecify.annotations.NullMarked;
