package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated set of rules and exemptions. A {@code Policy} object exists only if every check
 * passed: a policy with any problem is rejected whole by {@link #of} or {@link Builder#build()}.
 *
 * <p>Instances are immutable and thread-safe. Equality is by version, rules and exemptions, in
 * order (decisions never depend on that order).
 */
public final class Policy {
  private final String version;
  private final List<Rule> rules;
  private final List<Exemption> exemptions;

  private Policy(String version, List<Rule> rules, List<Exemption> exemptions) {
    this.version = version;
    this.rules = rules;
    this.exemptions = exemptions;
  }

  /**
   * Validates and returns a policy.
   *
   * @param version a label for events and reports, e.g. a date or a commit id; not blank
   * @throws PolicyValidationException listing every problem, if there is any
   */
  public static Policy of(String version, List<Rule> rules, List<Exemption> exemptions)
      throws PolicyValidationException {
    requireNonNull(version, "version");
    if (version.isBlank()) {
      throw new IllegalArgumentException("policy version must not be blank");
    }
    List<Rule> r = List.copyOf(rules);
    List<Exemption> e = List.copyOf(exemptions);
    List<PolicyProblem> problems = PolicyValidator.checkPolicy(r, e);
    if (!problems.isEmpty()) {
      throw new PolicyValidationException(problems);
    }
    return new Policy(version, r, e);
  }

  /** The empty policy: every participant is admitted. */
  public static Policy empty(String version) {
    requireNonNull(version, "version");
    return new Policy(version, List.of(), List.of());
  }

  /** A new builder. */
  public static Builder builder(String version) {
    return new Builder(version);
  }

  /** The policy's version label. */
  public String version() {
    return version;
  }

  /** The rules, in the order given. */
  public List<Rule> rules() {
    return rules;
  }

  /** The exemptions, in the order given. */
  public List<Exemption> exemptions() {
    return exemptions;
  }

  /** The rule with this id. */
  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Policy p
        && version.equals(p.version)
        && rules.equals(p.rules)
        && exemptions.equals(p.exemptions);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(version, rules, exemptions);
  }

  @Override
  public String toString() {
    return "Policy[" + version + ", " + rules.size() + " rules, " + exemptions.size()
        + " exemptions]";
  }

  /** Collects rules and exemptions, then validates them all at once. Not thread-safe. */
  public static final class Builder {
    private final String version;
    private final List<Rule> rules = new ArrayList<>();
    private final List<Exemption> exemptions = new ArrayList<>();

    private Builder(String version) {
      this.version = version;
    }

    /** Adds a rule. */
    public Builder rule(Rule rule) {
      rules.add(requireNonNull(rule, "rule"));
      return this;
    }

    /** Adds an exemption. */
    public Builder exemption(Exemption exemption) {
      exemptions.add(requireNonNull(exemption, "exemption"));
      return this;
    }

    /**
     * Validates and builds the policy.
     *
     * @throws PolicyValidationException listing every problem, if there is any
     */
    public Policy build() throws PolicyValidationException {
      return Policy.of(version, rules, exemptions);
    }
  }
}
