package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated set of rules and exemptions, with the {@link Operator} whose law binds the service
 * and the authorities the policy declares beyond the {@link AuthorityCatalogue}. A {@code Policy}
 * object exists only if every check of {@link PolicyValidator} passed: a policy with any problem
 * is rejected whole by {@link #of} or {@link Builder#build()} with a {@link
 * PolicyValidationException} listing every problem.
 *
 * <p>Instances are immutable and thread-safe. Equality is by version, operator, authorities,
 * rules, exemptions and area references (with their definition hashes), in order (decisions never
 * depend on that order).
 */
public final class Policy {
  private final String version;
  private final Optional<Operator> operator;
  private final List<Authority> authorities;
  private final List<Rule> rules;
  private final List<Exemption> exemptions;
  private final Areas areas;

  private Policy(
      String version,
      Optional<Operator> operator,
      List<Authority> authorities,
      List<Rule> rules,
      List<Exemption> exemptions,
      Areas areas) {
    this.version = version;
    this.operator = operator;
    this.authorities = authorities;
    this.rules = rules;
    this.exemptions = exemptions;
    this.areas = areas;
  }

  /**
   * Validates and returns a policy without an operator block or declared authorities: every rule
   * must be local law of a catalogue authority.
   *
   * @param version a label for events and reports, e.g. a date or a commit id; not blank
   * @throws PolicyValidationException listing every problem, if there is any
   */
  public static Policy of(String version, List<Rule> rules, List<Exemption> exemptions) {
    return of(version, Optional.empty(), List.of(), rules, exemptions);
  }

  /**
   * Validates and returns a policy.
   *
   * @param version a label for events and reports, e.g. a date or a commit id; not blank
   * @param operator whose law binds the service, if stated
   * @param authorities authorities the policy declares beyond the catalogue
   * @throws PolicyValidationException listing every problem, if there is any
   */
  public static Policy of(
      String version,
      Optional<Operator> operator,
      List<Authority> authorities,
      List<Rule> rules,
      List<Exemption> exemptions) {
    return of(version, operator, authorities, Areas.none(), rules, exemptions);
  }

  /**
   * Validates and returns a policy with areas: every area a scope names must be one of {@code
   * areas}, with the same definition.
   *
   * @param version a label for events and reports, e.g. a date or a commit id; not blank
   * @param operator whose law binds the service, if stated
   * @param authorities authorities the policy declares beyond the catalogue
   * @param areas the areas the policy defines (geo-areas compiles them)
   * @throws PolicyValidationException listing every problem, if there is any
   */
  public static Policy of(
      String version,
      Optional<Operator> operator,
      List<Authority> authorities,
      Areas areas,
      List<Rule> rules,
      List<Exemption> exemptions) {
    requireNonNull(version, "version");
    requireNonNull(operator, "operator");
    requireNonNull(areas, "areas");
    if (PolicyValidator.visible(version).isEmpty()) {
      throw new PolicyValidationException(
          List.of(new PolicyProblem(PolicyProblem.Code.MISSING_FIELD, "policy", "policy",
              "version", "policy version must not be blank")));
    }
    List<Authority> a = List.copyOf(authorities);
    List<Rule> r = List.copyOf(rules);
    List<Exemption> e = List.copyOf(exemptions);
    PolicyValidator.throwIfAny(PolicyValidator.validate(operator, a, areas.refs(), r, e));
    return new Policy(version, operator, a, r, e, areas);
  }

  /** The empty policy: every participant is admitted. */
  public static Policy empty(String version) {
    requireNonNull(version, "version");
    return new Policy(version, Optional.empty(), List.of(), List.of(), List.of(), Areas.none());
  }

  /** Whose law binds the service, if the policy says. */
  public Optional<Operator> operator() {
    return operator;
  }

  /** The areas this policy defines; {@link Areas#none()} when it defines none. */
  public Areas areas() {
    return areas;
  }

  /** The authorities this policy declares (not in the catalogue), in order. */
  public List<Authority> authorities() {
    return authorities;
  }

  /**
   * The authority {@code basis} names, from the catalogue or this policy's declarations; always
   * present for a basis of this policy.
   *
   * @throws IllegalArgumentException if the basis names no authority this policy knows
   */
  public Authority authorityOf(LegalBasis basis) {
    return PolicyValidator.resolve(basis.authority(), authorities)
        .orElseThrow(() -> new IllegalArgumentException(
            "no authority '" + basis.authority() + "' in this policy"));
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
        && operator.equals(p.operator)
        && authorities.equals(p.authorities)
        && rules.equals(p.rules)
        && exemptions.equals(p.exemptions)
        && areas.refs().equals(p.areas.refs());
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(version, operator, authorities, rules, exemptions, areas.refs());
  }

  @Override
  public String toString() {
    return "Policy[" + version + ", " + rules.size() + " rules, " + exemptions.size()
        + " exemptions]";
  }

  /** Collects rules and exemptions, then validates them all at once. Not thread-safe. */
  public static final class Builder {
    private final String version;
    private Optional<Operator> operator = Optional.empty();
    private final List<Authority> authorities = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Exemption> exemptions = new ArrayList<>();
    private Areas areas = Areas.none();

    private Builder(String version) {
      this.version = version;
    }

    /** States whose law binds the service. */
    public Builder operator(Operator operator) {
      this.operator = Optional.of(requireNonNull(operator, "operator"));
      return this;
    }

    /** Declares an authority the catalogue lacks (see {@link Authority#declared}). */
    public Builder authority(Authority authority) {
      authorities.add(requireNonNull(authority, "authority"));
      return this;
    }

    /** Sets the areas the policy defines, which rules and exemptions may name. */
    public Builder areas(Areas areas) {
      this.areas = requireNonNull(areas, "areas");
      return this;
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
    public Policy build() {
      return Policy.of(version, operator, authorities, areas, rules, exemptions);
    }
  }
}
