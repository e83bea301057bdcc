package io.geoscope.core;

import java.util.List;

/**
 * What a decision records when a participant's signals disagree at country level: every signal
 * with its source and jurisdiction (never an IP address or a phone number), and the rules that did
 * not apply because the evidence was disputed.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param signals every signal of the participant, in precedence order; empty when none disagree
 * @param narrowed ids of {@code evidence: primary} rules that are not sanctions rules and that the
 *     primary signal alone would have applied: a conflict only narrows them
 */
public record Conflict(List<Evidence> signals, List<String> narrowed) {
  private static final Conflict NONE = new Conflict(List.of(), List.of());

  /** Copies the lists. */
  public Conflict {
    signals = List.copyOf(signals);
    narrowed = List.copyOf(narrowed);
  }

  /** No conflict. */
  public static Conflict none() {
    return NONE;
  }

  /** True if signals disagreed. */
  public boolean present() {
    return !signals.isEmpty();
  }

  /** The signals as {@code source jurisdiction}, e.g. {@code "dial-in US-CA, ip-geolocation CN"}. */
  public String describe() {
    return list(signals);
  }

  static String list(List<Evidence> signals) {
    StringBuilder b = new StringBuilder();
    for (Evidence e : signals) {
      b.append(b.length() == 0 ? "" : ", ")
          .append(e.source().code())
          .append(' ')
          .append(e.jurisdiction().code());
    }
    return b.toString();
  }
}
