/**
 * Places PSTN callers from their E.164 number. libphonenumber has no module descriptor; its
 * automatic name {@code com.google.i18n.phonenumbers.libphonenumber} is stable (set in its
 * manifest). The prefix table lives in a non-exported package.
 */
@SuppressWarnings("requires-automatic")
module io.geoscope.dialin {
  requires transitive io.geoscope.core;
  requires com.google.i18n.phonenumbers.libphonenumber;
  requires static transitive org.jspecify;

  exports io.geoscope.dialin;
}
