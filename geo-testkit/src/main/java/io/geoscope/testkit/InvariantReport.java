package io.geoscope.testkit;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The result of checking a policy: what was checked, how many examples, and at most one shrunk
 * violation per invariant. Immutable and thread-safe.
 */
public final class InvariantReport {
  private final String policyVersion;
  private final long seed;
  private final int examples;
  private final Set<Invariant> checked;
  private final List<InvariantViolation> violations;
  private final List<PropertyViolation> propertyViolations;

  InvariantReport(
      String policyVersion,
      long seed,
      int examples,
      Set<Invariant> checked,
      List<InvariantViolation> violations) {
    this(policyVersion, seed, examples, checked, violations, List.of());
  }

  InvariantReport(
      String policyVersion,
      long seed,
      int examples,
      Set<Invariant> checked,
      List<InvariantViolation> violations,
      List<PropertyViolation> propertyViolations) {
    this.propertyViolations = List.copyOf(propertyViolations);
    this.policyVersion = policyVersion;
    this.seed = seed;
    this.examples = examples;
    this.checked = Set.copyOf(checked);
    this.violations = List.copyOf(violations);
  }

  /** True if no invariant and no user {@link Property} failed. */
  public boolean passed() {
    return violations.isEmpty() && propertyViolations.isEmpty();
  }

  /** The violations of user {@link Property properties}, at most one per property. */
  public List<PropertyViolation> propertyViolations() {
    return propertyViolations;
  }

  /** The violation of the property named {@code name}, if it failed. */
  public Optional<PropertyViolation> propertyViolation(String name) {
    return propertyViolations.stream().filter(v -> v.property().equals(name)).findFirst();
  }

  /** The violations, in {@link Invariant} order, at most one per invariant. */
  public List<InvariantViolation> violations() {
    return violations;
  }

  /** The violation of {@code invariant}, if it failed. */
  public Optional<InvariantViolation> violation(Invariant invariant) {
    return violations.stream().filter(v -> v.invariant() == invariant).findFirst();
  }

  /** The invariants checked. */
  public Set<Invariant> checked() {
    return checked;
  }

  /** How many examples were generated. */
  public int examples() {
    return examples;
  }

  /** The seed of the run. */
  public long seed() {
    return seed;
  }

  /**
   * Returns this report if every invariant held.
   *
   * @throws InvariantViolation the first violation, with any others attached as suppressed
   * @throws PropertyViolation the first user property violation, if no invariant failed
   */
  public InvariantReport throwIfViolated() {
    if (violations.isEmpty()) {
      if (!propertyViolations.isEmpty()) {
        throw propertyViolations.get(0);
      }
      return this;
    }
    InvariantViolation first = violations.get(0);
    if (first.getSuppressed().length == 0) { // attach the others once, however often this is called
      for (int i = 1; i < violations.size(); i++) {
        first.addSuppressed(violations.get(i));
      }
      propertyViolations.forEach(first::addSuppressed);
    }
    throw first;
  }

  @Override
  public String toString() {
    return "InvariantReport[policy " + policyVersion + ", seed " + seed + ", " + examples
        + " examples, " + checked.size() + " invariants, "
        + (passed() ? "passed" : violations.size() + propertyViolations.size() + " violated") + "]";
  }
}
