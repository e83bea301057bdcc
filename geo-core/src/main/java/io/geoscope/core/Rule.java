package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One restriction: on a participant located in {@code appliesIn}, under {@code basis}, when the
 * meeting satisfies {@code when}, apply {@code effect} to that participant alone.
 *
 * <p>Instances are immutable and thread-safe. The canonical constructor checks only nulls; {@link
 * #builder(String)} also runs {@link PolicyValidator} over everything a rule can know alone (id,
 * citation, statement, dates, the authority's home and kinds, reach of kinds that never reach
 * abroad), and {@link Policy} checks the rest (the operator's law, declared authorities).
 *
 * @param id unique within a policy; letters, digits, {@code . _ -}
 * @param basis the law the rule rests on
 * @param appliesIn where the participant must be; must lie inside {@code basis.territory()}
 * @param when the meeting condition
 * @param effect what happens to the participant
 * @param mode enforce or shadow
 * @param onUnknown what to do when the participant's jurisdiction is unknown
 * @param evidence which signals bind the rule: the primary one (default) or any
 * @param onImprecise what a subdivision scope does for a participant placed only in its country
 * @param onAnonymizer what the rule does for a participant whose signal is an anonymizer
 * @param onUncertain what an area of the scope does for a participant in its country whom the
 *     evidence places neither inside nor outside it
 */
public record Rule(
    String id,
    LegalBasis basis,
    Scope appliesIn,
    Condition when,
    Effect effect,
    Mode mode,
    OnUnknown onUnknown,
    EvidenceStandard evidence,
    OnImprecise onImprecise,
    OnAnonymizer onAnonymizer,
    OnUncertain onUncertain) {

  /** Checks for nulls (the builder and the policy check the rest). */
  public Rule {
    requireNonNull(onUncertain, "onUncertain");
    requireNonNull(evidence, "evidence");
    requireNonNull(onImprecise, "onImprecise");
    requireNonNull(onAnonymizer, "onAnonymizer");
    requireNonNull(id, "id");
    requireNonNull(basis, "basis");
    requireNonNull(appliesIn, "appliesIn");
    requireNonNull(when, "when");
    requireNonNull(effect, "effect");
    requireNonNull(mode, "mode");
    requireNonNull(onUnknown, "onUnknown");
  }

  /** A rule with {@code on-uncertain: skip}. */
  public Rule(
      String id,
      LegalBasis basis,
      Scope appliesIn,
      Condition when,
      Effect effect,
      Mode mode,
      OnUnknown onUnknown,
      EvidenceStandard evidence,
      OnImprecise onImprecise,
      OnAnonymizer onAnonymizer) {
    this(id, basis, appliesIn, when, effect, mode, onUnknown, evidence, onImprecise, onAnonymizer,
        OnUncertain.SKIP);
  }

  /**
   * A rule with the default evidence settings: {@code evidence: primary}, {@code on-imprecise:
   * skip}, {@code on-anonymizer: ignore}.
   */
  public Rule(
      String id,
      LegalBasis basis,
      Scope appliesIn,
      Condition when,
      Effect effect,
      Mode mode,
      OnUnknown onUnknown) {
    this(
        id, basis, appliesIn, when, effect, mode, onUnknown, EvidenceStandard.PRIMARY,
        OnImprecise.SKIP, OnAnonymizer.IGNORE);
  }

  /** True if the rule rests on a sanctions instrument, which conflicts do not narrow. */
  public boolean isSanctions() {
    return basis.kind() == InstrumentKind.SANCTIONS;
  }

  /**
   * A builder for a rule with this id; defaults: always, enforce, skip on unknown, primary evidence,
   * skip on imprecise, ignore anonymizers, skip on uncertain.
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builds a {@link Rule}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private @Nullable LegalBasis basis;
    private @Nullable Scope appliesIn;
    private Condition when = Condition.always();
    private @Nullable Effect effect;
    private Mode mode = Mode.ENFORCE;
    private OnUnknown onUnknown = OnUnknown.SKIP;
    private EvidenceStandard evidence = EvidenceStandard.PRIMARY;
    private OnImprecise onImprecise = OnImprecise.SKIP;
    private OnAnonymizer onAnonymizer = OnAnonymizer.IGNORE;
    private OnUncertain onUncertain = OnUncertain.SKIP;

    private Builder(String id) {
      this.id = id;
    }

    /** Sets the legal basis. */
    public Builder basis(LegalBasis basis) {
      this.basis = basis;
      return this;
    }

    /** Sets where the rule applies, e.g. {@code "CN"} or {@code "US-CA"}. */
    public Builder appliesIn(String... codes) {
      return appliesIn(Scope.of(codes));
    }

    /** Sets where the rule applies. */
    public Builder appliesIn(Scope scope) {
      this.appliesIn = scope;
      return this;
    }

    /** Sets the meeting condition. */
    public Builder when(Condition when) {
      this.when = when;
      return this;
    }

    /** Sets the effect. */
    public Builder effect(Effect effect) {
      this.effect = effect;
      return this;
    }

    /** Sets the mode. */
    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    /** Sets what to do for an unknown jurisdiction. */
    public Builder onUnknown(OnUnknown onUnknown) {
      this.onUnknown = onUnknown;
      return this;
    }

    /** Sets which signals bind the rule. */
    public Builder evidence(EvidenceStandard evidence) {
      this.evidence = evidence;
      return this;
    }

    /** Sets what a subdivision scope does for a participant placed only in its country. */
    public Builder onImprecise(OnImprecise onImprecise) {
      this.onImprecise = onImprecise;
      return this;
    }

    /** Sets what the rule does for a participant whose signal is an anonymizer. */
    public Builder onAnonymizer(OnAnonymizer onAnonymizer) {
      this.onAnonymizer = onAnonymizer;
      return this;
    }

    /** Sets what the scope's areas do for a participant the evidence cannot place. */
    public Builder onUncertain(OnUncertain onUncertain) {
      this.onUncertain = onUncertain;
      return this;
    }

    /**
     * Builds and validates the rule.
     *
     * @throws PolicyValidationException listing every problem (missing fields, bad id, the law)
     */
    public Rule build() {
      List<PolicyProblem> problems = new ArrayList<>();
      if (!PolicyValidator.isValidId(id)) {
        problems.add(new PolicyProblem(PolicyProblem.Code.INVALID_ID, id, "rule", "id",
            "rule id '" + id + "' must be " + PolicyValidator.idShape()));
      }
      PolicyValidator.required(problems, id, "rule", "basis", basis);
      PolicyValidator.required(problems, id, "rule", "applies-in", appliesIn);
      PolicyValidator.required(problems, id, "rule", "effect", effect);
      PolicyValidator.throwIfAny(problems);
      Rule rule =
          new Rule(id, requireNonNull(basis), requireNonNull(appliesIn), when,
              requireNonNull(effect), mode, onUnknown, evidence, onImprecise, onAnonymizer,
              onUncertain);
      PolicyValidator.throwIfAny(PolicyValidator.checkRule(rule, "rule", null));
      return rule;
    }
  }
}
