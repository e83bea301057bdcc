package io.geoscope.core;

import io.geoscope.core.PolicyProblem.Code;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The legal checks every policy passes before it can be used. Stateless. */
final class PolicyValidator {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private PolicyValidator() {}

  static void checkId(String what, String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          what + " id '" + id + "' must be 1-128 letters, digits, '.', '_' or '-', starting with"
              + " a letter or digit");
    }
  }

  static List<PolicyProblem> checkBasis(String subject, LegalBasis basis) {
    List<PolicyProblem> problems = new ArrayList<>();
    if (basis.isExtraterritorial()
        && basis.extraterritorial().map(String::isBlank).orElse(true)) {
      problems.add(
          PolicyProblem.of(
              Code.EXTRATERRITORIAL_WITHOUT_STATEMENT,
              subject,
              "basis.territory",
              "territory " + basis.territory() + " reaches outside the authority's home "
                  + basis.home() + "; add a non-empty 'extraterritorial' statement saying why"));
    }
    if (basis.effective().isPresent()
        && basis.expires().isPresent()
        && !basis.expires().get().isAfter(basis.effective().get())) {
      problems.add(
          PolicyProblem.of(
              Code.EXPIRY_NOT_AFTER_EFFECTIVE,
              subject,
              "basis.expires",
              "expires " + basis.expires().get() + " is not after effective "
                  + basis.effective().get()));
    }
    return problems;
  }

  static List<PolicyProblem> checkScope(String subject, Scope appliesIn, LegalBasis basis) {
    List<PolicyProblem> problems = new ArrayList<>();
    for (Jurisdiction j : appliesIn.members()) {
      if (!basis.territory().covers(j)) {
        problems.add(
            PolicyProblem.of(
                Code.SCOPE_OUTSIDE_TERRITORY,
                subject,
                "applies-in",
                j + " is outside the territory " + basis.territory() + " of "
                    + basis.authority() + " (" + basis.citation() + ")"));
      }
    }
    return problems;
  }

  static List<PolicyProblem> checkRule(Rule rule) {
    List<PolicyProblem> problems = new ArrayList<>(checkBasis(rule.id(), rule.basis()));
    problems.addAll(checkScope(rule.id(), rule.appliesIn(), rule.basis()));
    problems.addAll(checkUnplaced(rule));
    return problems;
  }

  /**
   * Whether {@code rule} may act on a participant its scope does not plainly place: {@code
   * on-unknown: apply}, and with it {@code evidence: any}, {@code on-imprecise: apply} and {@code
   * on-anonymizer: apply}, which all reach people the primary placement does not put in scope. One
   * permission for all four, decided here alone. On this branch every rule may (as {@code
   * on-unknown: apply} always could); the lawful-reach change narrows this to rules whose
   * authority's home is the operator's own law, and the other three settings follow.
   */
  @SuppressWarnings("unused") // the lawful-reach change reads the rule's basis and the operator
  static boolean mayActUnplaced(Rule rule) {
    return true;
  }

  static List<PolicyProblem> checkUnplaced(Rule rule) {
    return checkUnplaced(rule, mayActUnplaced(rule));
  }

  /** A problem for each setting that acts on unplaced participants, unless {@code permitted}. */
  static List<PolicyProblem> checkUnplaced(Rule rule, boolean permitted) {
    if (permitted) {
      return List.of();
    }
    List<PolicyProblem> problems = new ArrayList<>();
    String why =
        " acts on participants not placed in the rule's scope, which only the operator's own law"
            + " may do (as for on-unknown: apply)";
    if (rule.onUnknown() == OnUnknown.APPLY) {
      problems.add(PolicyProblem.of(Code.UNPLACED_NOT_PERMITTED, rule.id(), "on-unknown", "on-unknown: apply" + why));
    }
    if (rule.evidence() == EvidenceStandard.ANY) {
      problems.add(PolicyProblem.of(Code.UNPLACED_NOT_PERMITTED, rule.id(), "evidence", "evidence: any" + why));
    }
    if (rule.onImprecise() == OnImprecise.APPLY) {
      problems.add(PolicyProblem.of(Code.UNPLACED_NOT_PERMITTED, rule.id(), "on-imprecise", "on-imprecise: apply" + why));
    }
    if (rule.onAnonymizer() == OnAnonymizer.APPLY) {
      problems.add(PolicyProblem.of(Code.UNPLACED_NOT_PERMITTED, rule.id(), "on-anonymizer", "on-anonymizer: apply" + why));
    }
    return problems;
  }

  static List<PolicyProblem> checkExemption(Exemption exemption) {
    List<PolicyProblem> problems = new ArrayList<>(checkBasis(exemption.id(), exemption.basis()));
    problems.addAll(checkScope(exemption.id(), exemption.appliesIn(), exemption.basis()));
    return problems;
  }

  /** Every problem of the policy as a whole, in rule then exemption order. */
  static List<PolicyProblem> checkPolicy(List<Rule> rules, List<Exemption> exemptions) {
    List<PolicyProblem> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> ruleIds = new HashSet<>();
    for (Rule rule : rules) {
      if (!ids.add(rule.id())) {
        problems.add(
            PolicyProblem.of(Code.DUPLICATE_ID, rule.id(), "id", "id is used more than once"));
      }
      ruleIds.add(rule.id());
      problems.addAll(checkRule(rule));
    }
    for (Exemption exemption : exemptions) {
      if (!ids.add(exemption.id())) {
        problems.add(
            PolicyProblem.of(
                Code.DUPLICATE_ID, exemption.id(), "id", "id is used more than once"));
      }
      problems.addAll(checkExemption(exemption));
      for (String lifted : exemption.lifts()) {
        if (!ruleIds.contains(lifted)) {
          problems.add(
              PolicyProblem.of(
                  Code.UNKNOWN_LIFTED_RULE,
                  exemption.id(),
                  "lifts",
                  "lifts '" + lifted + "', which is not a rule of this policy"));
        }
      }
    }
    return problems;
  }
}
