package io.geoscope.cli;

import io.geoscope.core.Areas;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Meeting;
import io.geoscope.core.Outcome;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.geoip.GeoResolver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code geoscope decide}: what a policy does to every participant of a roster. */
@Command(
    name = "decide",
    mixinStandardHelpOptions = true,
    versionProvider = Geoscope.Version.class,
    description = {
      "Decide, for each participant of a roster, what the policy does to them alone.",
      "The roster is CSV with a header naming id,role,ip and optionally dial_in, site,",
      "declared and postal_code. dial_in is an international number (+14155552671, placed by its",
      "prefix) or a country or subdivision code; site is where a room system is; declared is",
      "what the participant said; postal_code places those three relative to the policy's areas;",
      "ip is resolved through --db (needed only for ips). Every field is one",
      "signal; the library's precedence (verified, dial-in, room-system, ip-geolocation,",
      "declared) places the participant, and signals in different countries are a conflict:",
      "recorded, explained, and no rule but a sanctions rule acts on the disputed placement.",
      "None of them gives unknown:no-evidence. Each column may appear once; a UTF-8 byte order",
      "mark before the header is fine. Lines may have at most 8192 characters; a longer one",
      "ends the run with exit code 2.",
      "Output, one line per participant, tab-separated:",
      "  id jurisdiction outcome effects rules citations lifted evidence conflict",
      "outcome is admit, admit-limited or deny; an empty list is '-'. With --json, one object",
      "per line: id, role, jurisdiction, outcome, effects, rules, citations, authorities,",
      "lifted, shadowed, evidence {source, producer, detail}, signals, and conflict {narrowed,",
      "explanation} when signals disagree. No IP address or phone number is ever printed."
    },
    footer = {
      "",
      "Exit codes: 0 every line decided, 1 some roster line was bad (reported on standard error",
      "with its line number; the others are decided), 2 bad usage, unreadable or invalid input.",
      "",
      "Example:",
      "  geoscope decide --db GeoLite2-City.mmdb --policy policy.yaml --roster roster.csv \\",
      "      --tags june-fourth --features recording --json"
    })
final class DecideCommand implements Callable<Integer> {

  private static final int PROGRESS_EVERY = 100_000;

  @Spec CommandSpec spec;

  @Option(names = "--db", paramLabel = "FILE",
      description = "A MaxMind DB location database (GeoLite2/GeoIP2 City or Country, ...);"
          + " needed unless every participant has dial_in or site.")
  @Nullable Path db;

  @Option(names = "--anonymous-ip", paramLabel = "FILE",
      description = "An optional GeoIP2 Anonymous-IP database.")
  @Nullable Path anonymousIp;

  @Option(names = "--policy", required = true, paramLabel = "FILE",
      description = "The policy file (.yaml, .yml or .json, format version 1).")
  Path policy;

  @Option(names = "--roster", required = true, paramLabel = "FILE.csv",
      description = "Participants: CSV with header id,role,ip[,dial_in][,site].")
  Path roster;

  @Mixin MeetingOptions meeting;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Override
  public Integer call() throws Exit {
    PrintWriter err = spec.commandLine().getErr();
    // A policy with problems cannot be decided with at all: unusable input, exit 2.
    Policy p;
    try {
      p = Inputs.policy(policy, err);
    } catch (Exit e) {
      throw new Exit(Geoscope.UNUSABLE, String.valueOf(e.getMessage()));
    }
    Path database = db;
    if (database == null && anonymousIp != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--anonymous-ip needs --db");
    }
    GeoResolver resolver = database == null ? null : Inputs.resolver(database, anonymousIp, false);
    if (resolver != null) {
      resolver.areas(p.areas()); // every record placed once against the policy's areas
    }
    Counts counts =
        run(resolver, p.areas(), DecisionEngine.builder(p).build(), meeting.meeting(),
            meeting.instant(), roster, spec.commandLine().getOut(), err, json);
    err.println("decide: " + counts.summary() + "; " + counts.bad + " bad lines; "
        + counts.millis + " ms");
    err.flush();
    return counts.bad == 0 ? Geoscope.OK : Geoscope.FINDING;
  }

  /** What a run decided. */
  static final class Counts {
    long admit;
    long limited;
    long deny;
    long bad;
    long millis;

    void count(Decision d) {
      if (d.outcome() == Outcome.DENY) {
        deny++;
      } else if (d.outcome() == Outcome.ADMIT_LIMITED) {
        limited++;
      } else {
        admit++;
      }
    }

    long decided() {
      return admit + limited + deny;
    }

    /** E.g. {@code 14 participants: 8 admit, 3 admit-limited, 3 deny}. */
    String summary() {
      return String.format(Locale.ROOT, "%d participants: %d admit, %d admit-limited, %d deny",
          decided(), admit, limited, deny);
    }
  }

  /**
   * Streams the roster, printing one line per participant and every bad line on {@code err}.
   *
   * @throws Exit 2 if the roster cannot be read or has no usable header
   */
  static Counts run(@Nullable GeoResolver resolver, Areas areas, DecisionEngine engine,
      Meeting meeting, Instant at, Path rosterFile, PrintWriter out, PrintWriter err,
      boolean json) throws Exit {
    try (BufferedReader in = Files.newBufferedReader(rosterFile, StandardCharsets.UTF_8)) {
      return run(resolver, areas, engine, meeting, at, in, rosterFile.toString(), out, err, json);
    } catch (IOException e) {
      out.flush();
      throw new Exit(Geoscope.UNUSABLE, Inputs.unreadable(rosterFile, e));
    }
  }

  static Counts run(@Nullable GeoResolver resolver, Areas areas, DecisionEngine engine,
      Meeting meeting, Instant at, BufferedReader in, String name, PrintWriter out,
      PrintWriter err, boolean json) throws IOException, Exit {
    long start = System.nanoTime();
    Counts counts = new Counts();
    Roster roster;
    try {
      roster = Roster.open(in, resolver, areas);
    } catch (Roster.BadLine e) {
      throw new Exit(Geoscope.UNUSABLE, name + ": " + e.getMessage());
    }
    while (true) {
      Participant p;
      try {
        p = roster.next();
      } catch (Roster.BadLine e) {
        counts.bad++;
        err.println(name + ": " + e.getMessage());
        continue;
      }
      if (p == null) {
        break;
      }
      Decision d = engine.decide(p, meeting, at);
      counts.count(d);
      out.append(json ? DecisionFormat.json(p, d) : DecisionFormat.text(p, d)).append('\n');
      long n = counts.decided();
      if (n % PROGRESS_EVERY == 0) {
        err.println("decide: " + n + " participants...");
        err.flush();
      }
    }
    out.flush();
    counts.millis = (System.nanoTime() - start) / 1_000_000;
    return counts;
  }
}
