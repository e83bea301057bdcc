package io.geoscope.testkit;

import com.google.common.collect.ImmutableSet;
import io.geoscope.core.Authority;
import io.geoscope.core.Exemption;
import io.geoscope.core.Mode;
import io.geoscope.core.Policy;
import io.geoscope.core.PolicyValidationException;
import io.geoscope.core.PolicyValidator;
import io.geoscope.core.Rule;
import io.geoscope.testkit.Generators;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Edits of a valid policy that keep it valid: dropping rules (and what lifted them), dropping
 * exemptions, changing modes. Not part of the public API. Stateless and thread-safe.
 */
final class PolicyEdits {
  private PolicyEdits() {}

  /**
   * Re-validates edited parts. Edits here only ever remove or narrow, so a valid policy stays
   * valid; a failure means a bug in the kit, reported as such.
   */
  public static Policy rebuild(Policy original, List<Rule> rules, List<Exemption> exemptions) {
    return rebuild(original, original.authorities(), rules, exemptions);
  }

  private static Policy rebuild(
      Policy original, List<Authority> authorities, List<Rule> rules, List<Exemption> exemptions) {
    try {
      return Policy.of(original.version(), original.operator(), authorities, rules, exemptions);
    } catch (PolicyValidationException e) {
      throw new IllegalStateException("geo-testkit produced an invalid policy: " + e.getMessage(), e);
    }
  }

  /** The policy without the rules {@code drop} selects, and without lifts of them. */
  public static Policy withoutRules(Policy policy, Predicate<Rule> drop) {
    List<Rule> rules = new ArrayList<>();
    Set<String> dropped = new java.util.HashSet<>();
    for (Rule r : policy.rules()) {
      if (drop.test(r)) {
        dropped.add(r.id());
      } else {
        rules.add(r);
      }
    }
    List<Exemption> exemptions = new ArrayList<>();
    for (Exemption e : policy.exemptions()) {
      Set<String> lifts =
          e.lifts().stream().filter(id -> !dropped.contains(id)).collect(ImmutableSet.toImmutableSet());
      if (!lifts.isEmpty()) {
        exemptions.add(
            lifts.size() == e.lifts().size()
                ? e
                : new Exemption(e.id(), e.basis(), e.appliesIn(), lifts));
      }
    }
    return rebuild(policy, rules, exemptions);
  }

  /** The policy without the rule {@code id} (and lifts of it). */
  public static Policy withoutRule(Policy policy, String id) {
    return withoutRules(policy, r -> r.id().equals(id));
  }

  /** The policy without the exemptions {@code drop} selects. */
  public static Policy withoutExemptions(Policy policy, Predicate<Exemption> drop) {
    List<Exemption> kept = new ArrayList<>();
    for (Exemption e : policy.exemptions()) {
      if (!drop.test(e)) {
        kept.add(e);
      }
    }
    return rebuild(policy, policy.rules(), kept);
  }

  /**
   * The policy with {@code rule} added at the end, and the generators' declared authority it
   * names ({@code XX-authority}) declared if the policy does not know it.
   */
  public static Policy withRule(Policy policy, Rule rule) {
    List<Rule> rules = new ArrayList<>(policy.rules());
    rules.add(rule);
    List<Authority> authorities = new ArrayList<>(policy.authorities());
    for (Authority a : Generators.declaredFor(List.of(rule), List.of())) {
      if (PolicyValidator.resolve(a.name(), authorities).isEmpty()) {
        authorities.add(a);
      }
    }
    return rebuild(policy, authorities, rules, policy.exemptions());
  }

  /** The policy with every rule replaced by {@code edit} of it (ids must be kept). */
  public static Policy mapRules(Policy policy, UnaryOperator<Rule> edit) {
    List<Rule> rules = new ArrayList<>();
    for (Rule r : policy.rules()) {
      rules.add(edit.apply(r));
    }
    return rebuild(policy, rules, policy.exemptions());
  }

  /** {@code rule} in {@code mode}. */
  public static Rule withMode(Rule rule, Mode mode) {
    return new Rule(
        rule.id(), rule.basis(), rule.appliesIn(), rule.when(), rule.effect(), mode,
        rule.onUnknown(), rule.evidence(), rule.onImprecise(), rule.onAnonymizer());
  }
}
