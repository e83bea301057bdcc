package io.geoscope.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the command line: its exit code and what it wrote. */
record CliRun(int code, String out, String err) {

  static CliRun run(String... args) {
    return withInput("", args);
  }

  static CliRun withInput(String stdin, String... args) {
    return withInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  static CliRun withInput(InputStream stdin, String... args) {
    CommandLine cl = Geoscope.commandLine(stdin);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  List<String> errLines() {
    return err.isEmpty() ? List.of() : List.of(err.split("\n"));
  }
}
