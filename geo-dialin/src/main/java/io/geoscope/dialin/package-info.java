/**
 * Places PSTN callers from their E.164 number: the country from libphonenumber's metadata, the
 * subdivision from a shipped prefix table where that is unambiguous. The one front door is {@link
 * io.geoscope.dialin.DialInResolver#standard()}. No libphonenumber type appears in this API, and
 * no number is kept or shown anywhere.
 */
@NullMarked
package io.geoscope.dialin;

import org.jspecify.annotations.NullMarked;
