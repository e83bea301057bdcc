/**
 * JMH benchmarks of Geoscope's hot path against MaxMind's own readers in the same run, and the
 * small tools around them: the synthetic database, the inputs, and the result table.
 */
@NullMarked
package io.geoscope.benchmarks;

import org.jspecify.annotations.NullMarked;
