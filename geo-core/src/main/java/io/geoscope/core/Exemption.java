package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lifts named rules for participants located in {@code appliesIn}, under {@code basis} — e.g. a
 * general licence authorising conferencing services inside a sanctions programme. An exemption
 * only ever removes effects; it cannot add one.
 *
 * <p>Instances are immutable and thread-safe. The constructor runs {@link PolicyValidator} over
 * what an exemption can know alone and throws {@link PolicyValidationException} listing every
 * problem; {@link Policy} checks the rest.
 *
 * @param id unique within a policy (shared namespace with rules)
 * @param basis the law that grants the exemption
 * @param appliesIn where the participant must be; must lie inside {@code basis.territory()}
 * @param lifts the ids of the rules it lifts, never empty
 */
public record Exemption(String id, LegalBasis basis, Scope appliesIn, Set<String> lifts) {

  /** Checks for nulls and shape. */
  public Exemption {
    requireNonNull(id, "id");
    requireNonNull(basis, "basis");
    requireNonNull(appliesIn, "appliesIn");
    lifts = Immutables.orderedSet(requireNonNull(lifts, "lifts"));
    List<PolicyProblem> problems = new ArrayList<>();
    if (!PolicyValidator.isValidId(id)) {
      problems.add(new PolicyProblem(PolicyProblem.Code.INVALID_ID, id, "exemption", "id",
          "exemption id '" + id + "' must be " + PolicyValidator.idShape()));
    }
    if (lifts.isEmpty()) {
      problems.add(new PolicyProblem(PolicyProblem.Code.MISSING_FIELD, id, "exemption", "lifts",
          "an exemption must lift at least one rule"));
    }
    problems.addAll(PolicyValidator.checkExemption(id, basis, appliesIn, "exemption", null));
    PolicyValidator.throwIfAny(problems);
  }
}
