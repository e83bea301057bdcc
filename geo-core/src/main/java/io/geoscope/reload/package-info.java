/**
 * One reload shape for everything Geoscope keeps in service (the location database, the policy
 * file): a remembered source, {@code reload()}, {@code reloadIfChanged()}, an optional scheduled
 * refresh stopped by {@code close()}, counters and listeners. {@link io.geoscope.reload.Reloader}
 * is the shared machinery; {@code GeoResolver} and {@code LivePolicy} expose it.
 */
@NullMarked
package io.geoscope.reload;

import org.jspecify.annotations.NullMarked;
