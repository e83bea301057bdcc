package io.geoscope.tokens;

import io.geoscope.core.Decision;
import io.geoscope.core.Effect;
import java.util.ArrayList;
import java.util.List;

/** The one place that turns a decision into the text and notices a client shows. */
final class Reasons {
  private Reasons() {}

  /** The user-facing reason; until message bundles exist, the decision's own description. */
  static String text(Decision decision) {
    return decision.describe();
  }

  /** The notice keys of a decision, in the decision's (sorted) order. */
  static List<String> notices(Decision decision) {
    List<String> out = new ArrayList<>(2);
    for (Effect e : decision.effects()) {
      if (e instanceof Effect.Notice n) {
        out.add(n.key());
      }
    }
    return out;
  }
}
