package io.geoscope.cli;

import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.geoip.InvalidAddressException;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code geoscope resolve}: where IP addresses are, one line per address, streaming. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    versionProvider = Geoscope.Version.class,
    description = {
      "Resolve IP addresses to jurisdictions: one output line per input line,",
      "  IP<TAB>JURISDICTION<TAB>SOURCE          for a located address, e.g. US-CA subdivisions[0]",
      "  IP<TAB>-<TAB>SOURCE<TAB>REASON          when unknown: not-found, non-routable, anonymizer",
      "JURISDICTION is the most specific subdivision the database names, else the country.",
      "SOURCE is the database field that decided. Reads the addresses given, else standard input",
      "(one per line; blank lines and lines starting with # are skipped). A bad line is reported",
      "on standard error with its line number and the run goes on; the exit code is then 1.",
      "A line longer than 8192 characters ends the run: 'line N is longer than 8192",
      "characters', exit code 2."
    },
    footer = {
      "",
      "Exit codes: 0 every line resolved, 1 some line was not an IP address, 2 bad usage, a",
      "refused database (one line: FILE: REASON: detail) or a line too long. Errors are one",
      "line on standard error, never a stack trace; an unknown option is echoed in the message.",
      "",
      "Example:",
      "  geoscope resolve --db GeoLite2-City.mmdb 81.2.69.160 2001:db8::1",
      "  cut -d, -f3 roster.csv | geoscope resolve --db GeoLite2-City.mmdb > where.tsv"
    })
final class ResolveCommand implements Callable<Integer> {

  private static final int PROGRESS_EVERY = 250_000;

  @ParentCommand Geoscope parent;

  @Spec CommandSpec spec;

  @Option(names = "--db", required = true, paramLabel = "FILE",
      description = "A MaxMind DB location database (GeoLite2/GeoIP2 City or Country, DB-IP, ...).")
  Path db;

  @Option(names = "--anonymous-ip", paramLabel = "FILE",
      description = "An optional GeoIP2 Anonymous-IP database; flags go into SOURCE.")
  @Nullable Path anonymousIp;

  @Option(names = "--json", description = "One JSON object per line instead of tab-separated text.")
  boolean json;

  @Parameters(paramLabel = "IP", arity = "0..*", description = "Addresses; none reads standard input.")
  List<String> addresses = List.of();

  @Override
  public Integer call() throws Exit {
    GeoResolver resolver = Inputs.resolver(db, anonymousIp, false);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Reader source =
        addresses.isEmpty()
            ? new InputStreamReader(parent.stdin(), StandardCharsets.UTF_8)
            : new StringReader(String.join("\n", addresses));
    long start = System.nanoTime();
    long lines = 0;
    long known = 0;
    long unknown = 0;
    long bad = 0;
    StringBuilder row = new StringBuilder(96);
    try (source) {
      Lines in = new Lines(source);
      String line;
      while ((line = in.next()) != null) {
        lines++;
        if (lines % PROGRESS_EVERY == 0) {
          err.println("resolve: " + lines + " lines...");
          err.flush();
        }
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        Evidence e;
        try {
          e = resolver.resolve(line);
        } catch (InvalidAddressException x) {
          bad++;
          err.println("line " + lines + ": invalid address (" + reason(x) + "): "
              + x.reason().description());
          continue;
        }
        Jurisdiction j = e.jurisdiction();
        if (j.isKnown()) {
          known++;
        } else {
          unknown++;
        }
        row.setLength(0);
        if (json) {
          row.append(jsonRow(lines, line, e));
        } else if (j.isKnown()) {
          row.append(line).append('\t').append(j.code()).append('\t').append(e.detail());
        } else {
          row.append(line).append("\t-\t").append(e.detail().isEmpty() ? "-" : e.detail())
              .append('\t').append(j.unknownReason().map(r -> r.code()).orElse("unknown"));
        }
        out.append(row).append('\n');
      }
    } catch (Lines.TooLong x) {
      out.flush();
      throw new Exit(Geoscope.UNUSABLE, x.getMessage());
    } catch (IOException x) {
      out.flush();
      throw new Exit(Geoscope.UNUSABLE, "cannot read standard input (" + x.getClass().getSimpleName() + ")");
    }
    out.flush();
    long millis = (System.nanoTime() - start) / 1_000_000;
    err.println(String.format(Locale.ROOT,
        "resolve: %d lines: %d located, %d unknown, %d bad; %s; %d ms",
        lines, known, unknown, bad, resolver.databaseType(), millis));
    err.flush();
    return bad == 0 ? Geoscope.OK : Geoscope.FINDING;
  }

  static String reason(InvalidAddressException x) {
    return x.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String jsonRow(long line, String ip, Evidence e) {
    com.fasterxml.jackson.databind.node.ObjectNode n =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    Jurisdiction j = e.jurisdiction();
    n.put("line", line);
    n.put("ip", ip);
    n.put("jurisdiction", j.isKnown() ? j.code() : null);
    n.put("reason", j.unknownReason().map(r -> r.code()).orElse(null));
    n.put("source", e.source().code());
    n.put("producer", e.producer());
    n.put("detail", e.detail());
    return n.toString();
  }
}
