/** Implementation of areas (GeoJSON reading, country bounding boxes, compiled geometry); not API. */
@NullMarked
package io.geoscope.areas.internal;

import org.jspecify.annotations.NullMarked;
