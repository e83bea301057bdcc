/** Seeded generators, shrinking and the policy invariant checker. */
module io.geoscope.testkit {
  requires transitive io.geoscope.core;
  requires com.google.common;
  requires static transitive org.jspecify;

  exports io.geoscope.testkit;
}
