/**
 * A small MaxMind DB writer, written from the public MaxMind DB File Format Specification 2.0, for
 * demo databases, benchmarks and tests that build their own fixtures.
 */
@NullMarked
package io.geoscope.geoip.writer;

import org.jspecify.annotations.NullMarked;
