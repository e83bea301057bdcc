/**
 * Geoscope's domain and decision engine: jurisdictions, legal bases, rules, policies, decisions,
 * and the transparency counts. JDK only; JSpecify's annotations are needed at compile time alone.
 */
module io.geoscope.core {
  // static: not needed at run time; transitive: the annotations are on our API, so readers of
  // this module read them too when they compile.
  requires static transitive org.jspecify;

  exports io.geoscope.core;
  exports io.geoscope.event;
  exports io.geoscope.reload;
}
