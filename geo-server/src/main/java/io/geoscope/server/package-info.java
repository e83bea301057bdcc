/**
 * {@code geo-server}: a small HTTP decision service for meeting servers that are not on the JVM
 * (Prosody for Jitsi Meet, through {@code mod_geoscope}). {@link io.geoscope.server.GeoServer}
 * runs it; {@link io.geoscope.server.DecisionService} is the decide handler without HTTP.
 */
@NullMarked
package io.geoscope.server;

import org.jspecify.annotations.NullMarked;
