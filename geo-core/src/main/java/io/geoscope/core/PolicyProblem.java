package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One thing wrong with a policy: what kind of problem, which rule or exemption, which field, a
 * message for people, and (for policies read from files) where.
 *
 * @param code the kind of problem
 * @param subject the rule or exemption id, or {@code "policy"} for the policy as a whole
 * @param field the field in file-format spelling, e.g. {@code "applies-in"}, or empty
 * @param message what is wrong, for people
 * @param location where in a file, if the policy came from one
 */
public record PolicyProblem(
    Code code, String subject, String field, String message, Optional<Location> location) {

  /** Checks for nulls. */
  public PolicyProblem {
    requireNonNull(code, "code");
    requireNonNull(subject, "subject");
    requireNonNull(field, "field");
    requireNonNull(message, "message");
    requireNonNull(location, "location");
  }

  /** A problem with no file location. */
  public static PolicyProblem of(Code code, String subject, String field, String message) {
    return new PolicyProblem(code, subject, field, message, Optional.empty());
  }

  /** This problem at {@code where}. */
  public PolicyProblem at(Location where) {
    return new PolicyProblem(code, subject, field, message, Optional.of(where));
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

  /** The kinds of problem. */
  public enum Code {
    /** A rule's applies-in reaches outside its legal basis's territory. */
    SCOPE_OUTSIDE_TERRITORY,
    /** A territory reaches outside the authority's home without an extraterritorial statement. */
    EXTRATERRITORIAL_WITHOUT_STATEMENT,
    /** Two rules or exemptions share an id. */
    DUPLICATE_ID,
    /** A scope names nothing. */
    EMPTY_SCOPE,
    /** A scope tried to name everyone ("*", "ALL", "world"). */
    WILDCARD_SCOPE,
    /** An exemption lifts a rule the policy does not have. */
    UNKNOWN_LIFTED_RULE,
    /** A legal basis expires on or before it takes effect. */
    EXPIRY_NOT_AFTER_EFFECTIVE,
    /** A country or subdivision code is not valid. */
    INVALID_CODE,
    /** A field has a value of the wrong shape (bad date, unknown enum word, blank string). */
    INVALID_VALUE,
    /** A field the format does not know. */
    UNKNOWN_FIELD,
    /** A required field is missing. */
    MISSING_FIELD,
    /** The file is not well-formed, or is hostile (aliases, tags, excessive size or depth). */
    SYNTAX,
    /** The file declares a format version this library does not read. */
    UNSUPPORTED_VERSION,
    /**
     * A rule acts on participants its scope does not plainly place ({@code on-unknown}, {@code
     * evidence: any}, {@code on-imprecise} or {@code on-anonymizer: apply}) without the permission
     * that {@code on-unknown: apply} needs.
     */
    UNPLACED_NOT_PERMITTED
  }

  @Override
  public String toString() {
    String where = location.map(l -> l + ": ").orElse("");
    String what = field.isEmpty() ? subject : subject + " " + field;
    return where + what + ": " + message;
  }
}
