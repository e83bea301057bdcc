/**
 * Micrometer metrics for Geoscope decisions: {@link io.geoscope.micrometer.DecisionMetrics}.
 * Kept out of geo-core so that the core needs no metrics library.
 */
@NullMarked
package io.geoscope.micrometer;

import org.jspecify.annotations.NullMarked;
