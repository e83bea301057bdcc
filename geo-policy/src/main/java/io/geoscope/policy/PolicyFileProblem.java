package io.geoscope.policy;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.PolicyProblem;
import java.util.Optional;

/**
 * One thing wrong with a policy file, at a position: a parse or format error of the file itself,
 * or one of geo-core's {@link PolicyProblem}s (the law) placed at the field it names.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param location where in the file
 * @param code the kind of problem; {@link Code#POLICY} for the validator's, see {@code legal}
 * @param subject the rule, exemption or authority id, or {@code policy}
 * @param field the field in file spelling, e.g. {@code basis.citation}, or empty
 * @param message what is wrong, for people
 * @param legal the validator's problem, for {@link Code#POLICY}
 */
public record PolicyFileProblem(
    Location location,
    Code code,
    String subject,
    String field,
    String message,
    Optional<PolicyProblem> legal) {

  /** Checks for nulls. */
  public PolicyFileProblem {
    requireNonNull(location, "location");
    requireNonNull(code, "code");
    requireNonNull(subject, "subject");
    requireNonNull(field, "field");
    requireNonNull(message, "message");
    requireNonNull(legal, "legal");
  }

  /** A file-format problem. */
  public static PolicyFileProblem of(
      Location at, Code code, String subject, String field, String message) {
    return new PolicyFileProblem(at, code, subject, field, message, Optional.empty());
  }

  /** The validator's {@code problem}, placed at {@code at}. */
  public static PolicyFileProblem of(Location at, PolicyProblem problem) {
    return new PolicyFileProblem(
        at, Code.POLICY, problem.subject(), problem.field(), problem.message(),
        Optional.of(problem));
  }

  /** The validator's code, for {@link Code#POLICY} problems. */
  public Optional<PolicyProblem.Code> legalCode() {
    return legal.map(PolicyProblem::code);
  }

  /** The code's name: the validator's code for {@link Code#POLICY}, else this code's. */
  public String codeName() {
    return legal.map(p -> p.code().name()).orElse(code.name());
  }

  /**
   * A position in a policy file.
   *
   * @param file the file's name as given
   * @param line 1-based line
   * @param column 1-based column
   */
  public record Location(String file, int line, int column) {
    /** Checks for nulls. */
    public Location {
      requireNonNull(file, "file");
    }

    @Override
    public String toString() {
      return file + ":" + line + ":" + column;
    }
  }

  /** The kinds of file problem. */
  public enum Code {
    /** The file is not well-formed, or is hostile (aliases, tags, excessive size or depth). */
    SYNTAX,
    /** The file declares a format version this library does not read, or relies on one's rules. */
    UNSUPPORTED_VERSION,
    /** A field the format does not know. */
    UNKNOWN_FIELD,
    /** A required field is missing. */
    MISSING_FIELD,
    /** A field has a value of the wrong shape or type (bad date, unknown word, not a string). */
    INVALID_VALUE,
    /** A country or subdivision code is not valid. */
    INVALID_CODE,
    /** A scope names nothing. */
    EMPTY_SCOPE,
    /** A scope tried to name everyone ("*", "ALL", "world"). */
    WILDCARD_SCOPE,
    /** A problem of the policy itself, found by geo-core's validator: see {@link #legal()}. */
    POLICY,
    /**
     * An area's definition is unusable, found by geo-areas' validator; the message starts with
     * its code in brackets, e.g. {@code [SELF_INTERSECTING]}.
     */
    AREA
  }

  @Override
  public String toString() {
    String what = field.isEmpty() ? subject : subject + " " + field;
    return location + ": " + what + ": " + message + " [" + codeName() + "]";
  }
}
