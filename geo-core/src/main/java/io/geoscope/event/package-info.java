/**
 * Decision events aggregated for transparency: {@link io.geoscope.event.TransparencyCollector}
 * listens to a {@link io.geoscope.core.DecisionEngine} and produces a {@link
 * io.geoscope.event.TransparencyReport} of counts by jurisdiction, rule, legal basis and outcome.
 */
@NullMarked
package io.geoscope.event;

import org.jspecify.annotations.NullMarked;
