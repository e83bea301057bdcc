package io.geoscope.core;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a policy, as data: what kind of problem, which entry, which field, and a
 * message for people that names the principle broken. Policy files add positions on top (see
 * geo-policy's {@code PolicyFileProblem}).
 *
 * @param code the kind of problem
 * @param subject the rule, exemption or authority id, or {@code "policy"} / {@code "operator"}
 * @param entry where in the policy: {@code rules[2]}, {@code exemptions[0]}, {@code
 *     authorities[1]}, {@code operator}, {@code policy}, or {@code rule} / {@code exemption} /
 *     {@code basis} for a value built alone
 * @param field the field in file-format spelling, e.g. {@code applies-in}, or empty
 * @param message what is wrong, for people
 */
public record PolicyProblem(Code code, String subject, String entry, String field, String message) {

  /** Checks for nulls. */
  public PolicyProblem {
    requireNonNull(code, "code");
    requireNonNull(subject, "subject");
    requireNonNull(entry, "entry");
    requireNonNull(field, "field");
    requireNonNull(message, "message");
  }

  /** The kinds of problem. */
  public enum Code {
    /** A required field is missing or blank. */
    MISSING_FIELD,
    /** An id does not have the id shape. */
    INVALID_ID,
    /** Two rules or exemptions (or two declared authorities) share an id. */
    DUPLICATE_ID,
    /** An exemption lifts a rule the policy does not have. */
    UNKNOWN_LIFTED_RULE,
    /** A legal basis expires on or before it takes effect. */
    EXPIRY_NOT_AFTER_EFFECTIVE,
    /** A citation is empty or a placeholder ({@code TBD}, {@code n/a}...). */
    PLACEHOLDER_CITATION,
    /** An extraterritorial statement is a placeholder, too short, or has no words. */
    PLACEHOLDER_STATEMENT,
    /** The authority is in neither the catalogue nor the policy's {@code authorities:}. */
    UNKNOWN_AUTHORITY,
    /** A basis's {@code home} differs from its authority's home. */
    HOME_MISMATCH,
    /** The authority does not issue instruments of this kind. */
    KIND_NOT_ISSUED,
    /** The authority has no home of its own (UN Security Council): cite the national measure. */
    AUTHORITY_WITHOUT_HOME,
    /** A declared authority clashes with a catalogue entry, or is malformed. */
    DECLARED_AUTHORITY_CONFLICT,
    /** A scope reaches outside the basis's narrowing {@code territory}. */
    SCOPE_OUTSIDE_TERRITORY,
    /** A scope reaches outside the authority's home without a permitted reach. */
    UNLAWFUL_REACH,
    /** {@code on-unknown: apply} on a rule that is not the operator's own law. */
    ON_UNKNOWN_OUTSIDE_OPERATOR_LAW,
    /**
     * A rule acts on participants its scope does not plainly place ({@code on-unknown}, {@code
     * evidence: any}, {@code on-imprecise} or {@code on-anonymizer: apply}) outside the operator's
     * own law, which alone may act on participants it cannot place; {@code on-uncertain: apply}
     * too.
     */
    UNPLACED_NOT_PERMITTED,
    /** A scope names an area the policy does not define, or with another definition. */
    UNKNOWN_AREA
  }

  @Override
  public String toString() {
    String what = field.isEmpty() ? subject : subject + " " + field;
    return what + ": " + message;
  }
}
