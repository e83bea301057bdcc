package io.geoscope.server;

import io.geoscope.core.Decision;

/** The one place that turns a decision into the user-facing reason text. */
final class Reasons {
  private Reasons() {}

  /** Until message bundles exist, the decision's own description. */
  static String text(Decision decision) {
    return decision.describe();
  }
}
