package io.geoscope.cli;

import io.geoscope.core.AppliedRule;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Feature;
import io.geoscope.core.LiftedRule;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.policy.PolicyFileException;
import io.geoscope.policy.PolicyFiles;
import io.geoscope.policy.PolicyFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code geoscope demo}: the story this library exists for, on embedded demo data. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Geoscope.Version.class,
    description = {
      "Decide a June-fourth memorial meeting hosted from the US with a Hong Kong co-host and",
      "participants in mainland China, Germany, Iran, California and elsewhere (PSTN callers",
      "placed from their number, participants whose signals disagree), under an",
      "embedded example policy and an embedded demo database (documentation addresses, no",
      "download). Prints every participant's decision with its legal basis and evidence."
    },
    footer = {
      "",
      "Exit codes: 0 always (demo data is built in).",
      "",
      "Examples:",
      "  java -jar geoscope.jar demo",
      "  java -jar geoscope.jar demo --print-policy > policy.yaml"
    })
final class DemoCommand implements Callable<Integer> {

  /** The embedded policy, roster and the meeting they are decided for. */
  static final String POLICY = "demo/policy.yaml";

  static final String ROSTER = "demo/roster.csv";

  static final Meeting MEETING =
      new Meeting(Set.of("june-fourth"), EnumSet.of(Feature.RECORDING));

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Decisions as JSON lines (as 'decide --json').")
  boolean json;

  @Option(names = "--print-policy", description = "Print the embedded policy file and exit.")
  boolean printPolicy;

  @Option(names = "--print-roster", description = "Print the embedded roster CSV and exit.")
  boolean printRoster;

  /** The text of an embedded demo resource. */
  static String resource(String name) {
    try (InputStream in = DemoCommand.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks its demo resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The embedded demo policy. */
  static Policy policy() {
    try {
      return PolicyFiles.parse(resource(POLICY), POLICY, PolicyFormat.YAML);
    } catch (PolicyFileException e) {
      throw new IllegalStateException("the embedded demo policy is invalid: " + e.problems(), e);
    }
  }

  @Override
  public Integer call() throws Exit, IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (printPolicy || printRoster) {
      out.print(resource(printPolicy ? POLICY : ROSTER));
      out.flush();
      return Geoscope.OK;
    }
    Policy policy = policy();
    Path db = Files.createTempFile("geoscope-demo-", ".mmdb");
    try {
      DemoDatabase.write(db);
      GeoResolver resolver = Inputs.resolver(db, null, true);
      DecisionEngine engine = DecisionEngine.builder(policy).build();
      Instant now = Instant.now();
      if (json) {
        DecideCommand.run(resolver, policy.areas(), engine, MEETING, now,
            new BufferedReader(new StringReader(resource(ROSTER))), ROSTER, out, err, true);
        return Geoscope.OK;
      }
      story(resolver, engine, policy, now, out);
      return Geoscope.OK;
    } finally {
      Files.deleteIfExists(db);
    }
  }

  private static void story(GeoResolver resolver, DecisionEngine engine, Policy policy,
      Instant now, PrintWriter out) throws IOException {
    out.println("Geoscope demo -- DEMO DATA: addresses from the documentation ranges (RFC 5737,");
    out.println("RFC 3849) placed by an embedded database (" + resolver.databaseType()
        + "), not real locations.");
    out.println();
    out.println("Meeting: tagged june-fourth, being recorded; hosted from the US (New York) with a");
    out.println("co-host in Hong Kong. Policy " + policy.version() + ": "
        + ValidateCommand.count(policy.rules().size(), "rule") + ", "
        + ValidateCommand.count(policy.exemptions().size(), "exemption")
        + " (geoscope demo --print-policy).");
    out.println();
    DecideCommand.Counts counts = new DecideCommand.Counts();
    try {
      Roster roster = Roster.open(new BufferedReader(new StringReader(resource(ROSTER))), resolver);
      Participant p;
      while ((p = roster.next()) != null) {
        Decision d = engine.decide(p, MEETING, now);
        counts.count(d);
        explain(p, d, out);
      }
    } catch (Roster.BadLine e) {
      throw new IllegalStateException("the embedded demo roster is invalid: " + e.getMessage(), e);
    }
    out.println();
    out.println("Summary: " + counts.summary() + ".");
    out.println("Only participants placed in mainland China by undisputed evidence are denied, and");
    out.println("only because the meeting is tagged june-fourth; the Iranian participant is admitted");
    out.println("under the general licence; recording-consent notices go to participants in");
    out.println("all-party-consent states, PSTN callers placed from their number. Where a");
    out.println("participant's signals disagree, the decision says so and rules that are not");
    out.println("sanctions rules do not act on disputed evidence. Nothing acts on the meeting, on the");
    out.println("host or co-host, or on any account.");
    out.println();
    out.println("With a real database (GeoLite2 is free from MaxMind after sign-up:");
    out.println("https://dev.maxmind.com/geoip/geolite2-free-geolocation-data):");
    out.println("  geoscope demo --print-policy > policy.yaml");
    out.println("  geoscope decide --db GeoLite2-City.mmdb --policy policy.yaml \\");
    out.println("      --roster roster.csv --tags june-fourth --features recording");
    out.flush();
  }

  private static void explain(Participant p, Decision d, PrintWriter out) {
    out.println(String.format(java.util.Locale.ROOT, "%-18s %-9s %-8s %-14s %s", p.id(),
        p.role().code(), d.jurisdiction().code(), d.outcome().code(),
        String.join(", ", DecisionFormat.effects(d))).stripTrailing());
    for (AppliedRule a : d.applied()) {
      out.println("    rule " + a.ruleId() + ": " + DecisionFormat.effect(a.effect()));
      out.println("      legal basis: " + a.authority() + ", " + a.citation());
    }
    for (LiftedRule l : d.lifted()) {
      out.println("    lifted " + l.ruleId() + " by exemption " + l.exemptionId() + ": "
          + l.citation());
    }
    for (AppliedRule a : d.shadowed()) {
      out.println("    shadow (no effect) " + a.ruleId() + ": " + a.citation());
    }
    if (d.outcome() != io.geoscope.core.Outcome.ADMIT) {
      out.println("    they read: " + DecisionFormat.WORDS.reason(d));
    }
    for (String notice : DecisionFormat.WORDS.notices(d)) {
      out.println("    notice: " + notice);
    }
    out.println("    evidence: " + DecisionFormat.evidence(p.evidence()));
    if (d.conflict().present()) {
      out.println("    signals disagree: " + d.conflict().describe());
      if (!d.conflict().narrowed().isEmpty()) {
        out.println("      not applied on disputed evidence: "
            + String.join(", ", d.conflict().narrowed()));
      }
    }
  }
}
