package io.geoscope.cli;

import io.geoscope.appeals.Appeal;
import io.geoscope.appeals.AppealConflictException;
import io.geoscope.appeals.AppealException;
import io.geoscope.appeals.AppealNotFoundException;
import io.geoscope.appeals.AppealRequest;
import io.geoscope.appeals.AppealStatus;
import io.geoscope.appeals.AppealStore;
import io.geoscope.appeals.AppealsReport;
import io.geoscope.appeals.AuditRecord;
import io.geoscope.appeals.Review;
import io.geoscope.appeals.VerificationKind;
import io.geoscope.core.Jurisdiction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code geoscope appeals}: file, list, approve, deny, expire and export location appeals. */
@Command(
    name = "appeals",
    mixinStandardHelpOptions = true,
    versionProvider = Geoscope.Version.class,
    description = {
      "Appeals against a wrong location, in the embedded store (--db, SQLite, default",
      "appeals.db) or a database at --jdbc-url (jdbc:sqlite:... or jdbc:postgresql://...).",
      "Nothing stored is an IP address, a phone number or a document: only opaque ids,",
      "jurisdictions, kinds of verification and short reasons."
    },
    footer = {
      "",
      "Exit codes: 0 done, 1 conflict (already decided) or no such appeal, 2 bad usage or",
      "the database failed.",
      "",
      "Example:",
      "  geoscope appeals file --account acct-7 --placed-in UA-43 --claimed UA-30 \\",
      "      --verification proof-of-address --policy-version 2026-11-01"
    },
    subcommands = {
      AppealsCommand.FileAppeal.class,
      AppealsCommand.ListAppeals.class,
      AppealsCommand.Approve.class,
      AppealsCommand.Deny.class,
      AppealsCommand.Expire.class,
      AppealsCommand.Export.class
    })
final class AppealsCommand implements Runnable {
  /** Flyway reports each migration at INFO through java.util.logging; a command line wants quiet. */
  private static final java.util.logging.Logger FLYWAY = java.util.logging.Logger.getLogger("org.flywaydb");

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name an appeals command");
  }

  /** Where the store is, and what every command shares. */
  static final class StoreOptions {
    @Option(names = "--db", paramLabel = "FILE", description = "Embedded SQLite store (default: ${DEFAULT-VALUE}).",
        defaultValue = "appeals.db")
    Path db;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "A database instead: jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB?user=...")
    @Nullable String jdbcUrl;

    @Option(names = "--at", paramLabel = "INSTANT", description = "When it happens (ISO-8601, default now).")
    @Nullable Instant at;

    AppealStore open() throws AppealException {
      FLYWAY.setLevel(java.util.logging.Level.WARNING);
      return jdbcUrl == null ? AppealStore.embedded(db) : AppealStore.open(jdbcUrl);
    }

    Instant at() {
      return at == null ? Instant.now() : at;
    }
  }

  /** A reviewer's ruling. */
  static final class Ruling {
    @Option(names = "--reviewer", required = true, paramLabel = "ID", description = "Opaque reviewer id.")
    String reviewer;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
        description = "Why (no IP address, phone or document number).")
    String reason;

    @Option(names = "--policy-version", required = true, paramLabel = "VERSION",
        description = "The policy version in force.")
    String policyVersion;

    Review review(Instant at) {
      return new Review(reviewer, reason, at, policyVersion);
    }
  }

  /** Runs one store operation and maps its failures to exit codes. */
  abstract static class StoreCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOptions store;

    abstract void run(AppealStore s, PrintWriter out) throws AppealException;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (AppealStore s = store.open()) {
        run(s, out);
        return Geoscope.OK;
      } catch (AppealConflictException | AppealNotFoundException e) {
        err.println(e.getMessage());
        return Geoscope.FINDING;
      } catch (AppealException | IllegalArgumentException e) {
        err.println(e.getMessage());
        return Geoscope.UNUSABLE;
      } finally {
        out.flush();
        err.flush();
      }
    }
  }

  static String line(Appeal a) {
    return a.id() + "\t" + a.status().code() + "\t" + a.accountId() + "\t" + a.placedIn() + " -> "
        + a.claimed() + "\tfiled " + a.filedAt()
        + a.decided().map(d -> "\tdecided " + d).orElse("");
  }

  @Command(name = "file", mixinStandardHelpOptions = true, description = "File an appeal; prints it.")
  static final class FileAppeal extends StoreCommand {
    @Option(names = "--account", required = true, paramLabel = "ID", description = "Opaque account id.")
    String account;

    @Option(names = "--placed-in", required = true, paramLabel = "CODE",
        description = "Where the evidence placed them, e.g. UA-43.")
    String placedIn;

    @Option(names = "--claimed", required = true, paramLabel = "CODE",
        description = "Where they say they are, e.g. UA-30.")
    String claimed;

    @Option(names = "--verification", required = true, split = ",", paramLabel = "KIND",
        description = "Kinds offered: identity-document, proof-of-address, institution-letter, video-call, travel-record.")
    List<String> verification;

    @Option(names = "--filed-by", paramLabel = "ID", description = "Who files it (default the account).")
    @Nullable String filedBy;

    @Option(names = "--policy-version", required = true, paramLabel = "VERSION",
        description = "The policy version in force.")
    String policyVersion;

    @Override
    void run(AppealStore s, PrintWriter out) throws AppealException {
      Set<VerificationKind> kinds = EnumSet.noneOf(VerificationKind.class);
      for (String k : verification) {
        kinds.add(VerificationKind.fromCode(k));
      }
      out.println(line(s.file(new AppealRequest(account, Jurisdiction.of(placedIn),
          Jurisdiction.of(claimed), kinds, filedBy == null ? account : filedBy, store.at(),
          policyVersion))));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List appeals, oldest first: id, status, account, placed-in -> claimed, times.")
  static final class ListAppeals extends StoreCommand {
    @Option(names = "--status", paramLabel = "STATUS", description = "Only pending, approved, denied or expired.")
    @Nullable String status;

    @Override
    void run(AppealStore s, PrintWriter out) throws AppealException {
      for (Appeal a : status == null ? s.list() : s.list(AppealStatus.fromCode(status))) {
        out.println(line(a));
      }
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Approve a pending appeal: the account is verified in the claimed place until --until.")
  static final class Approve extends StoreCommand {
    @Parameters(paramLabel = "APPEAL", description = "The appeal id.")
    String id;

    @Mixin Ruling ruling;

    @Option(names = "--valid-for", paramLabel = "DURATION", defaultValue = "P365D",
        description = "How long the verified location lasts (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration validFor;

    @Override
    void run(AppealStore s, PrintWriter out) throws AppealException {
      Instant at = store.at();
      out.println(line(s.approve(id, ruling.review(at), at.plus(validFor))));
    }
  }

  @Command(name = "deny", mixinStandardHelpOptions = true, description = "Deny a pending appeal.")
  static final class Deny extends StoreCommand {
    @Parameters(paramLabel = "APPEAL", description = "The appeal id.")
    String id;

    @Mixin Ruling ruling;

    @Override
    void run(AppealStore s, PrintWriter out) throws AppealException {
      out.println(line(s.deny(id, ruling.review(store.at()))));
    }
  }

  @Command(name = "expire", mixinStandardHelpOptions = true,
      description = "Mark pending appeals lapsed: one by id, or every one filed before --filed-before.")
  static final class Expire extends StoreCommand {
    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
      @Parameters(paramLabel = "APPEAL", description = "The appeal id.")
      @Nullable String id;

      @Option(names = "--filed-before", paramLabel = "INSTANT", description = "Every pending appeal filed before this.")
      @Nullable Instant filedBefore;
    }

    @Mixin Ruling ruling;

    @Override
    void run(AppealStore s, PrintWriter out) throws AppealException {
      Review r = ruling.review(store.at());
      List<Appeal> done = which.id != null
          ? List.of(s.expire(which.id, r))
          : s.expireLapsed(java.util.Objects.requireNonNull(which.filedBefore), r);
      for (Appeal a : done) {
        out.println(line(a));
      }
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"The transparency table for [--from, --to): received, approved, denied,",
          "pending and expired per jurisdiction appellants were placed in; --audit prints the",
          "audit trail of the period instead."})
  static final class Export extends StoreCommand {
    @Option(names = "--from", required = true, paramLabel = "INSTANT", description = "Start (inclusive).")
    Instant from;

    @Option(names = "--to", required = true, paramLabel = "INSTANT", description = "End (exclusive).")
    Instant to;

    @Option(names = "--json", description = "JSON instead of text.")
    boolean json;

    @Option(names = "--audit", description = "The audit records of the period, one per line.")
    boolean audit;

    @Override
    void run(AppealStore s, PrintWriter out) throws AppealException {
      if (audit) {
        for (AuditRecord r : s.audit(from, to)) {
          out.println(r.describe());
        }
        return;
      }
      AppealsReport report = s.report(from, to);
      out.print(json ? report.toJson() + "\n" : report.toText());
    }
  }
}
