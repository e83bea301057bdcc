package io.geoscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.geoscope.core.Policy;
import io.geoscope.policy.PolicyReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code geoscope report}: what a policy can do and where. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = Geoscope.Version.class,
    description = {
      "Report what a policy can do and where: every jurisdiction it can affect, with which",
      "effects under which conditions and mode; which rules are in force at --at; what",
      "exemptions lift; every extraterritorial reach. Text tables, or one JSON object with --json."
    },
    footer = {
      "",
      "Exit codes: 0 reported, 1 the policy has problems (listed as file:line:col), 2 unreadable.",
      "",
      "Example:",
      "  geoscope report policy.yaml --at 2026-06-04"
    })
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "POLICY", description = "The policy file.")
  Path file;

  @Option(names = "--at", paramLabel = "DATE", converter = Inputs.InstantConverter.class,
      description = "The date or instant rule standing is reported at (default: now).")
  @Nullable Instant at;

  @Option(names = "--json", description = "One JSON object on one line.")
  boolean json;

  @Override
  public Integer call() throws Exit {
    PrintWriter out = spec.commandLine().getOut();
    Policy p = Inputs.policy(file, spec.commandLine().getErr());
    Instant when = at;
    PolicyReport report = PolicyReport.of(p, when == null ? Instant.now() : when);
    out.print(json ? oneLine(report.toJson()) + "\n" : report.toText());
    out.flush();
    return Geoscope.OK;
  }

  /** Compacts pretty-printed JSON into one line. */
  static String oneLine(String json) {
    ObjectMapper m = new ObjectMapper();
    try {
      return m.writeValueAsString(m.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the library produced invalid JSON", e);
    }
  }
}
