package io.geoscope.cli;

import io.geoscope.core.Policy;
import io.geoscope.policy.PolicyDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code geoscope diff}: what changing one policy into another makes a reviewer sign off. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = Geoscope.Version.class,
    description = {
      "Show what changing policy OLD into NEW changes: exposures (place x effect x condition x",
      "mode) added, removed or kept under other rules; reliefs and extraterritorial reaches",
      "added or removed. Two policies with an empty diff decide alike for everyone."
    },
    footer = {
      "",
      "Exit codes: 0 done (or no change with --fail-on-change), 1 a change with",
      "--fail-on-change or a policy with problems, 2 bad usage or unreadable file.",
      "",
      "Example:",
      "  geoscope diff policy-v1.yaml policy-v2.yaml --fail-on-change"
    })
final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The policy in force.")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW", description = "The proposed policy.")
  Path after;

  @Option(names = "--fail-on-change", description = "Exit 1 if the diff is not empty.")
  boolean failOnChange;

  @Option(names = "--json", description = "One JSON object on one line.")
  boolean json;

  @Override
  public Integer call() throws Exit {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Policy old = Inputs.policy(before, err);
    Policy proposed = Inputs.policy(after, err);
    PolicyDiff diff = PolicyDiff.between(old, proposed);
    if (json) {
      out.println(ReportCommand.oneLine(diff.toJson()));
    } else {
      String text = diff.toText();
      out.print(diff.isEmpty() && text.isEmpty() ? "no change\n" : text);
    }
    out.flush();
    return failOnChange && !diff.isEmpty() ? Geoscope.FINDING : Geoscope.OK;
  }
}
