package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a rule does to the one participant it applies to. The hierarchy is sealed: there is no
 * effect that acts on a meeting, on a host as such, or on an account, and none can be added.
 */
public sealed interface Effect permits Effect.DenyJoin, Effect.Disable, Effect.Notice {

  /** The participant may not join. */
  static DenyJoin denyJoin() {
    return DenyJoin.INSTANCE;
  }

  /**
   * The participant joins with these features disabled for them alone.
   *
   * @throws IllegalArgumentException if {@code features} is empty
   */
  static Disable disable(Set<Feature> features) {
    return new Disable(features);
  }

  /**
   * The participant joins and is shown a notice, e.g. {@code recording-consent}.
   *
   * @throws IllegalArgumentException if the key is not lower-case words joined by hyphens
   */
  static Notice notice(String key) {
    return new Notice(key);
  }

  /** The stable kind name used in files: {@code deny-join}, {@code disable} or {@code notice}. */
  String kind();

  /** Denies the participant's join. */
  final class DenyJoin implements Effect {
    static final DenyJoin INSTANCE = new DenyJoin();

    private DenyJoin() {}

    @Override
    public String kind() {
      return "deny-join";
    }

    @Override
    public String toString() {
      return "deny-join";
    }
  }

  /**
   * Disables features for the participant.
   *
   * @param features the features, never empty
   */
  record Disable(Set<Feature> features) implements Effect {
    /** Copies and checks the feature set. */
    public Disable {
      requireNonNull(features, "features");
      if (features.isEmpty()) {
        throw new IllegalArgumentException("disable needs at least one feature");
      }
      features = Immutables.enumSet(Feature.class, features);
    }

    @Override
    public String kind() {
      return "disable";
    }
  }

  /**
   * Shows the participant a notice.
   *
   * @param key the notice's key, lower-case words joined by hyphens
   */
  record Notice(String key) implements Effect {
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Checks the key. */
    public Notice {
      requireNonNull(key, "key");
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "notice key '" + key + "' must be lower-case words joined by hyphens");
      }
    }

    @Override
    public String kind() {
      return "notice";
    }
  }
}
