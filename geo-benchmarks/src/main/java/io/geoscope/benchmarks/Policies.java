package io.geoscope.benchmarks;

import io.geoscope.core.Authority;
import io.geoscope.core.Condition;
import io.geoscope.core.Effect;
import io.geoscope.core.Feature;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.Policy;
import io.geoscope.core.PolicyValidationException;
import io.geoscope.core.Rule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Policies the decision benchmarks run: a small realistic one, and generated ones of any size. */
final class Policies {

  /**
   * Countries whose participants the {@link #realistic()} policy denies in a june-fourth meeting.
   */
  static final Set<String> DENIED = Set.of("CN", "IR", "KP", "CU", "SY");

  /** The tag of the meetings the decision benchmarks decide for. */
  static final String TAG = "june-fourth";

  private Policies() {}

  /** Ten rules of the kind a meeting service writes: sanctions, one censorship law, notices. */
  static Policy realistic() {
    try {
      return legislatures(Policy.builder("2026-06-01"))
          .rule(
              rule(
                  "cn-june-fourth",
                  "CN",
                  InstrumentKind.STATUTE,
                  Condition.anyTag(TAG),
                  Effect.denyJoin()))
          .rule(
              rule(
                  "ir-sanctions",
                  "IR",
                  InstrumentKind.SANCTIONS,
                  Condition.always(),
                  Effect.denyJoin()))
          .rule(
              rule(
                  "kp-sanctions",
                  "KP",
                  InstrumentKind.SANCTIONS,
                  Condition.always(),
                  Effect.denyJoin()))
          .rule(
              rule(
                  "cu-sanctions",
                  "CU",
                  InstrumentKind.SANCTIONS,
                  Condition.always(),
                  Effect.denyJoin()))
          .rule(
              rule(
                  "sy-sanctions",
                  "SY",
                  InstrumentKind.SANCTIONS,
                  Condition.always(),
                  Effect.denyJoin()))
          .rule(
              rule(
                  "ru-recording",
                  "RU",
                  InstrumentKind.STATUTE,
                  recording(),
                  Effect.disable(EnumSet.of(Feature.RECORDING))))
          .rule(
              rule(
                  "us-ca-consent",
                  "US-CA",
                  InstrumentKind.STATUTE,
                  recording(),
                  Effect.notice("recording-consent")))
          .rule(
              rule(
                  "de-consent",
                  "DE",
                  InstrumentKind.STATUTE,
                  recording(),
                  Effect.notice("recording-consent")))
          .rule(
              rule(
                  "tr-streaming",
                  "TR",
                  InstrumentKind.COURT_ORDER,
                  Condition.anyTag("election"),
                  Effect.disable(EnumSet.of(Feature.LIVE_STREAMING))))
          .rule(
              rule(
                  "in-transcripts",
                  "IN",
                  InstrumentKind.REGULATION,
                  Condition.anyTag("government"),
                  Effect.disable(EnumSet.of(Feature.TRANSCRIPTION))))
          .build();
    } catch (PolicyValidationException e) {
      throw new IllegalStateException("the benchmark policy is invalid: " + e.getMessage(), e);
    }
  }

  /**
   * A policy of {@code size} rules: five that name {@code US-CA} or {@code US} (the benchmark
   * participant's jurisdiction), none of which matches a plain meeting, and the rest spread over
   * every other country and up to 40 subdivisions of each, with assorted tags and effects.
   */
  static Policy scaled(int size, long seed) {
    if (size < 5) {
      throw new IllegalArgumentException("size must be at least 5, got " + size);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Rule> rules = new ArrayList<>(size);
    rules.add(
        rule(
            "us-ca-consent",
            "US-CA",
            InstrumentKind.STATUTE,
            recording(),
            Effect.notice("recording-consent")));
    rules.add(
        rule(
            "us-ca-chat",
            "US-CA",
            InstrumentKind.REGULATION,
            Condition.anyTag("minors"),
            Effect.disable(EnumSet.of(Feature.CHAT))));
    rules.add(
        rule(
            "us-sanctions-list",
            "US",
            InstrumentKind.SANCTIONS,
            Condition.anyTag("export-controlled"),
            Effect.denyJoin()));
    rules.add(
        rule(
            "us-transcripts",
            "US",
            InstrumentKind.REGULATION,
            Condition.anyTag("health"),
            Effect.notice("transcript-retention")));
    rules.add(
        rule(
            "us-ca-streaming",
            "US-CA",
            InstrumentKind.COURT_ORDER,
            Condition.anyTag("election"),
            Effect.disable(EnumSet.of(Feature.LIVE_STREAMING))));
    List<Jurisdiction> countries = new ArrayList<>(Jurisdiction.countries());
    countries.remove(Jurisdiction.country("US"));
    // Real ISO 3166-2 codes only: made-up ones (DJ-33) are refused since lawful reach landed.
    List<Jurisdiction> subdivisions = new ArrayList<>();
    for (Jurisdiction s : Jurisdiction.subdivisions()) {
      if (!s.country().code().equals("US")) {
        subdivisions.add(s);
      }
    }
    for (int i = rules.size(); i < size; i++) {
      String where =
          random.nextInt(3) == 0
              ? countries.get(random.nextInt(countries.size())).code()
              : subdivisions.get(random.nextInt(subdivisions.size())).code();
      Condition when =
          random.nextBoolean() ? Condition.anyTag("t" + random.nextInt(100)) : recording();
      Effect effect;
      switch (random.nextInt(3)) {
        case 0:
          effect = Effect.denyJoin();
          break;
        case 1:
          effect =
              Effect.disable(EnumSet.of(Feature.values()[random.nextInt(Feature.values().length)]));
          break;
        default:
          effect = Effect.notice("notice-" + random.nextInt(20));
      }
      rules.add(rule("r" + i, where, InstrumentKind.REGULATION, when, effect));
    }
    try {
      return Policy.of("scaled-" + size, java.util.Optional.empty(), LEGISLATURES, rules, List.of());
    } catch (PolicyValidationException e) {
      throw new IllegalStateException("the generated policy is invalid: " + e.getMessage(), e);
    }
  }

  private static Condition recording() {
    return new Condition(Set.of(), Set.of(), EnumSet.of(Feature.RECORDING));
  }

  /** "Legislature of XX" for every country, declared as a policy declares authorities. */
  private static final List<Authority> LEGISLATURES =
      Jurisdiction.countries().stream()
          .map(c -> Authority.declared(
              "legislature-" + c.code(), "Legislature of " + c.code(), c, java.util.Optional.empty()))
          .toList();

  private static Policy.Builder legislatures(Policy.Builder builder) {
    LEGISLATURES.forEach(builder::authority);
    return builder;
  }

  private static Rule rule(
      String id, String where, InstrumentKind kind, Condition when, Effect effect) {
    Jurisdiction j = Jurisdiction.of(where);
    LegalBasis basis =
        LegalBasis.builder()
            .authority("Legislature of " + j.country().code())
            .home(j.country())
            .kind(kind)
            .citation(id + " act, s. 1")
            .build();
    return Rule.builder(id).basis(basis).appliesIn(where).when(when).effect(effect).build();
  }
}
