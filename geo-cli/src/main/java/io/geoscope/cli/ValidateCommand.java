package io.geoscope.cli;

import io.geoscope.core.Policy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code geoscope validate}: checks policy files, every problem with its position. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Geoscope.Version.class,
    description = {
      "Validate policy files. Each problem is printed on standard error as",
      "  file:line:col: subject field: message",
      "and every valid file as 'file: ok (...)' on standard output."
    },
    footer = {
      "",
      "Exit codes: 0 every file valid, 1 some file has problems, 2 some file unreadable.",
      "",
      "Example:",
      "  geoscope validate policies/*.yaml"
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "POLICY", arity = "1..*", description = "Policy files (.yaml, .yml, .json).")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int code = Geoscope.OK;
    for (Path f : files) {
      try {
        Policy p = Inputs.policy(f, err);
        out.println(f + ": ok (" + count(p.rules().size(), "rule") + ", "
            + count(p.exemptions().size(), "exemption") + ", version " + p.version() + ")");
      } catch (Exit e) {
        err.println(e.getMessage());
        code = Math.max(code, e.code());
      }
    }
    out.flush();
    err.flush();
    return code;
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
