package io.geoscope.testkit;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Meeting;
import io.geoscope.core.Mode;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a policy against Geoscope's {@link Invariant invariants} with generated participants,
 * meetings and instants — the front door of the test kit. Run it in any test:
 *
 * <pre>{@code
 * PolicyInvariants.check(policy); // throws InvariantViolation, an AssertionError
 *
 * PolicyInvariants.forPolicy(policy).seed(7).examples(1000).check();
 * }</pre>
 *
 * <p>Each example is a roster of one to {@link #maxRoster(int) five} participants placed all over
 * the policy's own jurisdictions (their subdivisions and countries), elsewhere, and nowhere
 * (unknown, for every reason), in every role, with evidence from every source; a meeting with the
 * policy's own condition tags and features; and an instant around the policy's effective and
 * expiry days (or one of {@link #at(Instant...) the instants given}). On failure the
 * counterexample is shrunk — participants dropped, roles set to attendee, tags and features
 * dropped, and for policy-level invariants rules and exemptions dropped — and reported with the
 * rule it involves. The same seed gives the same examples.
 *
 * <p>An instance is a mutable set of options and not thread-safe; {@link #run()} may be called
 * repeatedly.
 */
public final class PolicyInvariants {
  /** The seed used unless {@link #seed(long)} says otherwise, so runs are reproducible. */
  public static final long DEFAULT_SEED = 0x6E05C09EL;
  /** The number of examples used unless {@link #examples(int)} says otherwise. */
  public static final int DEFAULT_EXAMPLES = 200;

  private static final int ADDED_RULES = 4;
  private static final int SHRINK_TRIES = 2000;

  private final Policy policy;
  private long seed = DEFAULT_SEED;
  private int examples = DEFAULT_EXAMPLES;
  private int maxRoster = 5;
  private List<Instant> instants = List.of();
  private Set<Invariant> invariants = EnumSet.allOf(Invariant.class);
  private Decider decider = Decider.engine();
  private final List<Property> properties = new ArrayList<>();

  private PolicyInvariants(Policy policy) {
    this.policy = requireNonNull(policy, "policy");
  }

  /**
   * Checks every invariant on {@code policy} with the default seed and number of examples.
   *
   * @return the report, which passed
   * @throws InvariantViolation if an invariant fails (others attached as suppressed)
   */
  public static InvariantReport check(Policy policy) {
    return forPolicy(policy).check();
  }

  /** Options for checking {@code policy}; call {@link #check()} or {@link #run()} at the end. */
  public static PolicyInvariants forPolicy(Policy policy) {
    return new PolicyInvariants(policy);
  }

  /** Sets the seed; the same seed gives the same examples. */
  public PolicyInvariants seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * Sets how many examples to generate.
   *
   * @throws IllegalArgumentException if {@code examples < 1}
   */
  public PolicyInvariants examples(int examples) {
    if (examples < 1) {
      throw new IllegalArgumentException("examples must be at least 1, got " + examples);
    }
    this.examples = examples;
    return this;
  }

  /**
   * Sets the largest roster to generate (default 5).
   *
   * @throws IllegalArgumentException if {@code maxRoster < 1}
   */
  public PolicyInvariants maxRoster(int maxRoster) {
    if (maxRoster < 1) {
      throw new IllegalArgumentException("maxRoster must be at least 1, got " + maxRoster);
    }
    this.maxRoster = maxRoster;
    return this;
  }

  /**
   * Decides only at these instants, instead of around the policy's effective and expiry days.
   *
   * @throws IllegalArgumentException if none is given
   */
  public PolicyInvariants at(Instant... instants) {
    return at(List.of(instants));
  }

  /**
   * Decides only at these instants, instead of around the policy's effective and expiry days.
   *
   * @throws IllegalArgumentException if none is given
   */
  public PolicyInvariants at(Collection<Instant> instants) {
    if (instants.isEmpty()) {
      throw new IllegalArgumentException("give at least one instant");
    }
    this.instants = List.copyOf(new TreeSet<>(instants));
    return this;
  }

  /** Checks only these invariants. */
  public PolicyInvariants only(Invariant first, Invariant... more) {
    this.invariants = EnumSet.of(first, more);
    return this;
  }

  /**
   * Also checks these properties of your own on every participant of every example, with the
   * same generators, seed and shrinking; a failure is a {@link PropertyViolation}. Call {@link
   * #only} with no built-in invariant you want, or use {@link #onlyProperties()}.
   */
  public PolicyInvariants property(Property first, Property... more) {
    properties.add(requireNonNull(first, "property"));
    for (Property p : more) {
      properties.add(requireNonNull(p, "property"));
    }
    return this;
  }

  /** Checks none of the built-in invariants: only the {@link #property properties} given. */
  public PolicyInvariants onlyProperties() {
    this.invariants = EnumSet.noneOf(Invariant.class);
    return this;
  }

  /**
   * Checks this decision function instead of Geoscope's engine — e.g. a wrapper your service puts
   * around the engine.
   */
  public PolicyInvariants decider(Decider decider) {
    this.decider = requireNonNull(decider, "decider");
    return this;
  }

  /**
   * Checks and throws on the first failing invariant.
   *
   * @return the report, which passed
   * @throws InvariantViolation if an invariant fails (others attached as suppressed)
   */
  public InvariantReport check() {
    return run().throwIfViolated();
  }

  /**
   * Checks and returns the report, with at most one shrunk violation per invariant; does not
   * throw for violations. Stops checking an invariant once it has failed.
   */
  public InvariantReport run() {
    Checks checks = new Checks(decider, addedRules());
    Arbitrary<List<Participant>> rosters =
        Generators.rosters(Generators.participantsFor(policy), maxRoster);
    Arbitrary<Meeting> meetings = Generators.meetingsFor(policy);
    List<Instant> times = instants.isEmpty() ? Generators.instantsFor(policy) : instants;
    Set<Invariant> remaining = EnumSet.copyOf(invariants);
    List<InvariantViolation> violations = new ArrayList<>();
    List<Property> props = new ArrayList<>(properties);
    List<PropertyViolation> propertyViolations = new ArrayList<>();
    int run = 0;
    for (int i = 0; i < examples && !(remaining.isEmpty() && props.isEmpty()); i++) {
      run++;
      Source source = Source.seeded(seed + i * 0x9E3779B97F4A7C15L);
      Counterexample c =
          new Counterexample(
              policy, rosters.generate(source), meetings.generate(source), source.pick(times));
      for (Invariant invariant : EnumSet.copyOf(remaining)) {
        Failure failure = checks.check(invariant, c);
        if (failure == null) {
          continue;
        }
        Shrinker.Result shrunk =
            Shrinker.shrink(
                c,
                failure,
                candidate -> checks.check(invariant, candidate),
                invariant.isPolicyLevel(),
                SHRINK_TRIES);
        InvariantViolation violation =
            new InvariantViolation(
                invariant,
                shrunk.failure().ruleIds(),
                shrunk.failure().detail(),
                shrunk.counterexample(),
                c,
                seed,
                i,
                shrunk.steps());
        Throwable cause = shrunk.failure().cause();
        if (cause != null) {
          violation.initCause(cause);
        }
        violations.add(violation);
        remaining.remove(invariant);
      }
      for (Property property : List.copyOf(props)) {
        Failure failure = checks.check(property, c);
        if (failure == null) {
          continue;
        }
        Shrinker.Result shrunk =
            Shrinker.shrink(
                c, failure, candidate -> checks.check(property, candidate), false, SHRINK_TRIES);
        propertyViolations.add(
            new PropertyViolation(
                property.name(),
                shrunk.failure().ruleIds(),
                shrunk.failure().detail(),
                shrunk.counterexample(),
                seed,
                i,
                shrunk.steps()));
        props.remove(property);
      }
    }
    violations.sort((a, b) -> a.invariant().compareTo(b.invariant()));
    return new InvariantReport(
        policy.version(), seed, run, invariants, violations, propertyViolations);
  }

  /** Enforced rules the locality check adds one at a time, drawn from the seed. */
  private List<Rule> addedRules() {
    Set<String> tags = new TreeSet<>();
    for (Rule r : policy.rules()) {
      tags.addAll(r.when().tagsAny());
      tags.addAll(r.when().tagsAll());
    }
    List<String> tagPool = tags.isEmpty() ? Generators.defaultTags() : List.copyOf(tags);
    Source source = Source.seeded(~seed);
    List<Rule> out = new ArrayList<>();
    for (int k = 1; k <= ADDED_RULES; k++) {
      // Local law only (a declared authority at home): it binds under any operator.
      Rule r = Generators.rules("testkit-added-" + k, tagPool).generate(source);
      for (int tries = 0; Generators.isOperatorLaw(r.basis()) && tries < 1000; tries++) {
        r = Generators.rules("testkit-added-" + k, tagPool).generate(source);
      }
      out.add(PolicyEdits.withMode(r, Mode.ENFORCE));
    }
    return out;
  }
}
