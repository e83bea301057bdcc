package io.geoscope.cli;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code geoscope} command and its entry point.
 *
 * <p>{@link #commandLine(InputStream)} builds a ready {@link CommandLine} whose commands read from
 * the given standard input and write to {@link CommandLine#getOut()} and {@link
 * CommandLine#getErr()}, so tests run commands in-process. Not thread-safe: one instance per run.
 */
@Command(
    name = "geoscope",
    mixinStandardHelpOptions = true,
    versionProvider = Geoscope.Version.class,
    description = {
      "Per-participant, jurisdiction-scoped meeting restrictions that can never widen.",
      "Resolve where participants are, decide what a policy does to each, and review policies."
    },
    subcommands = {
      DemoCommand.class,
      ResolveCommand.class,
      DecideCommand.class,
      ValidateCommand.class,
      ReportCommand.class,
      DiffCommand.class,
      AppealsCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 a finding (bad input line, invalid policy, change with",
      "--fail-on-change), 2 bad usage or unreadable input. Every error is one line on",
      "standard error (an unknown option or argument is echoed in it), never a stack trace.",
      "",
      "Example:",
      "  java -jar geoscope.jar demo"
    })
public final class Geoscope implements Runnable {

  /** Success. */
  static final int OK = 0;

  /** A finding: a bad input line, an invalid policy, a change with {@code --fail-on-change}. */
  static final int FINDING = 1;

  /** Bad usage or an unreadable input. */
  static final int UNUSABLE = 2;

  private final InputStream stdin;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Geoscope(InputStream stdin) {
    this.stdin = stdin;
    this.spec = CommandLine.Model.CommandSpec.create();
  }

  /** The standard input commands read when given no files. */
  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }

  /**
   * A command line whose commands read {@code stdin} and write to its {@code getOut()} and {@code
   * getErr()}; bad usage exits 2, an unexpected failure is reported on standard error and exits 2.
   */
  public static CommandLine commandLine(InputStream stdin) {
    requireNonNull(stdin, "stdin");
    CommandLine cl = new CommandLine(new Geoscope(stdin));
    // The descriptions and examples are written for 100 columns; picocli's default is 80.
    cl.setUsageHelpWidth(100);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getOut().flush();
          String name = commandLine.getCommandSpec().qualifiedName();
          if (e instanceof Exit exit) {
            commandLine.getErr().println(name + ": " + exit.getMessage());
            commandLine.getErr().flush();
            return exit.code();
          }
          // A bug, not a bad input: one line naming the failure's type (its message could quote
          // input); the stack trace only when asked for with -Dgeoscope.debug=true.
          commandLine.getErr().println(name + ": internal error: " + e.getClass().getName()
              + " (run with -Dgeoscope.debug=true for details)");
          if (Boolean.getBoolean("geoscope.debug")) {
            e.printStackTrace(commandLine.getErr());
          }
          commandLine.getErr().flush();
          return UNUSABLE;
        });
    cl.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println("geoscope: " + e.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          c.getErr().flush();
          return UNUSABLE;
        });
    return cl;
  }

  /** Runs the command line with the process's standard streams and exits with its code. */
  public static void main(String[] args) {
    CommandLine cl = commandLine(System.in);
    // Buffered, not auto-flushing: resolve writes a million lines. Commands flush when done.
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16),
            false);
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    cl.setOut(out);
    cl.setErr(err);
    int code;
    try {
      code = cl.execute(args);
    } catch (VirtualMachineError e) {
      // Out of memory or stack: inputs are bounded so this should not happen; if it does, one
      // line and exit 2 rather than a stack trace.
      err.println("geoscope: " + e.getClass().getSimpleName() + " (input too large for this heap?)");
      code = UNUSABLE;
    }
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Geoscope.class.getPackage().getImplementationVersion();
      return new String[] {"geoscope " + (v == null ? "(development build)" : v)};
    }
  }
}
