package io.geoscope.cli;

import io.geoscope.core.Policy;
import io.geoscope.geoip.DatabaseException;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.policy.PolicyFileException;
import io.geoscope.policy.PolicyFileProblem;
import io.geoscope.policy.PolicyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** Loads the files commands take, turning every failure into an {@link Exit} with its code. */
final class Inputs {

  private Inputs() {}

  /**
   * Loads and validates a policy; on problems prints each as {@code file:line:col: message} to
   * {@code err} and exits 1; exits 2 if the file cannot be read.
   */
  static Policy policy(Path file, PrintWriter err) throws Exit {
    try {
      return PolicyFiles.load(file);
    } catch (PolicyFileException e) {
      printProblems(file, e, err);
      throw new Exit(Geoscope.FINDING, file + ": invalid policy, " + e.problems().size()
          + (e.problems().size() == 1 ? " problem" : " problems"));
    } catch (IOException e) {
      throw new Exit(Geoscope.UNUSABLE, unreadable(file, e));
    } catch (IllegalArgumentException e) {
      throw new Exit(Geoscope.UNUSABLE, file + ": " + e.getMessage());
    }
  }

  /** Prints each problem as {@code file:line:col: subject field: message}. */
  static void printProblems(Path file, PolicyFileException e, PrintWriter err) {
    for (PolicyFileProblem p : e.problems()) {
      err.println(p);
    }
  }

  static String unreadable(Path file, IOException e) {
    if (e instanceof Lines.TooLong) {
      return file + ": " + e.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      return file + ": no such file";
    }
    return file + ": cannot read (" + e.getClass().getSimpleName() + ")";
  }

  /** A resolver over {@code db} (and optionally an Anonymous-IP database); exits 2 if refused. */
  static GeoResolver resolver(Path db, @Nullable Path anonymousIp, boolean documentationRanges)
      throws Exit {
    GeoResolver.Builder b = GeoResolver.builder().database(db)
        .documentationRangesResolve(documentationRanges);
    if (anonymousIp != null) {
      b.anonymousIp(anonymousIp);
    }
    try {
      return b.build();
    } catch (DatabaseException e) {
      throw new Exit(Geoscope.UNUSABLE, String.valueOf(e.getMessage()));
    }
  }

  /** Parses {@code 2026-06-04T12:00:00Z} or a date {@code 2026-06-04} (its start, UTC). */
  static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        if (value.length() == 10) {
          return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not an instant such as 2026-06-04T12:00:00Z or a date 2026-06-04");
      }
    }
  }
}
