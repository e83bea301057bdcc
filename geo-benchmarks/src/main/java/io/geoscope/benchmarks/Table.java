package io.geoscope.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Prints a JMH JSON result file ({@code -rf json -rff target/jmh.json}) as markdown: every result
 * with its time and allocation per operation ({@code gc.alloc.rate.norm}, when run with {@code
 * -prof gc}), Geoscope's speed-up over each MaxMind baseline on the same database and inputs, and
 * the project's performance targets with whether this run meets them.
 *
 * <pre>{@code
 * java -cp geo-benchmarks/target/benchmarks.jar io.geoscope.benchmarks.Table geo-benchmarks/target/jmh.json
 * }</pre>
 */
public final class Table {

  /** One benchmark result. */
  record Row(
      String benchmark,
      Map<String, String> params,
      int threads,
      double score,
      double error,
      String unit,
      double bytesPerOp) {

    String method() {
      return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    String shortName() {
      String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
      return cls.substring(cls.lastIndexOf('.') + 1) + "." + method();
    }

    String paramText() {
      StringBuilder s = new StringBuilder();
      params.forEach(
          (k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
      return s.toString();
    }
  }

  private static final String[][] BASELINES = {
    {"geoscopeFromString", "geoip2DatabaseReaderFromString"},
    {"geoscopeFromString", "geoip2DatabaseReaderChmCacheFromString"},
    {"geoscopeFromString", "maxmindReaderFromString"},
    {"geoscopeFromString", "maxmindReaderChmCacheFromString"},
    {"geoscopeFromString", "maxmindReaderCaffeineFromString"},
    {"geoscopeFromInetAddress", "geoip2DatabaseReader"},
    {"geoscopeFromInetAddress", "geoip2DatabaseReaderChmCache"},
    {"geoscopeFromInetAddress", "maxmindReader"},
    {"geoscopeFromInetAddress", "maxmindReaderChmCache"},
    {"geoscopeFromInetAddress", "maxmindReaderCaffeine"},
  };

  private Table() {}

  /**
   * Prints the tables for the JSON files named as arguments, read as one run (default {@code
   * geo-benchmarks/target/jmh.json}).
   */
  public static void main(String[] args) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String file : args.length > 0 ? args : new String[] {"geo-benchmarks/target/jmh.json"}) {
      rows.addAll(read(Path.of(file)));
    }
    print(rows, System.out);
  }

  /** Reads every result of a JMH JSON file. */
  static List<Row> read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<Row> rows = new ArrayList<>();
    for (JsonNode r : root) {
      Map<String, String> params = new LinkedHashMap<>();
      JsonNode p = r.path("params");
      for (Map.Entry<String, JsonNode> e : p.properties()) {
        params.put(e.getKey(), e.getValue().asText());
      }
      double bytes = Double.NaN;
      for (Map.Entry<String, JsonNode> e : r.path("secondaryMetrics").properties()) {
        // JMH before 1.36 wrote the profiler metrics with a leading middle dot.
        if (e.getKey().replace("\u00B7", "").equals("gc.alloc.rate.norm")) {
          bytes = e.getValue().path("score").asDouble();
        }
      }
      JsonNode m = r.path("primaryMetric");
      double error = m.path("scoreError").asDouble(Double.NaN);
      rows.add(
          new Row(
              r.path("benchmark").asText(),
              params,
              r.path("threads").asInt(1),
              m.path("score").asDouble(),
              error,
              m.path("scoreUnit").asText(),
              bytes));
    }
    return rows;
  }

  /** Prints the results, the ratios against each baseline and the targets. */
  static void print(List<Row> rows, PrintStream out) {
    List<Row> resolve = new ArrayList<>();
    List<Row> others = new ArrayList<>();
    for (Row r : rows) {
      (r.benchmark().contains(".ResolveBenchmark.") ? resolve : others).add(r);
    }
    if (!resolve.isEmpty()) {
      resolveTable(resolve, out);
      out.println();
      ratioTable(resolve, out);
      out.println();
    }
    if (!others.isEmpty()) {
      out.println("| benchmark | params | threads | score | ± | unit | B/op |");
      out.println("|---|---|---:|---:|---:|---|---:|");
      for (Row r : others) {
        out.printf(
            Locale.ROOT,
            "| %s | %s | %d | %s | %s | %s | %s |%n",
            r.shortName(),
            r.paramText(),
            r.threads(),
            number(r.score()),
            Double.isNaN(r.error()) ? "" : number(r.error()),
            r.unit(),
            bytes(r));
      }
      out.println();
    }
    targets(rows, out);
  }

  /** ResolveBenchmark as one row per method, one ns/op and B/op column pair per parameter set. */
  private static void resolveTable(List<Row> resolve, PrintStream out) {
    List<Map<String, String>> combos = combos(resolve);
    StringBuilder head = new StringBuilder("| ResolveBenchmark |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Map<String, String> c : combos) {
      head.append(' ').append(String.join(" ", c.values())).append(" ns/op | B/op |");
      rule.append("---:|---:|");
    }
    out.println(head);
    out.println(rule);
    for (String method : methods(resolve)) {
      StringBuilder line = new StringBuilder("| ").append(method).append(" |");
      for (Map<String, String> c : combos) {
        Row r = find(resolve, "ResolveBenchmark", method, c);
        line.append(' ')
            .append(r == null ? "" : number(r.score()))
            .append(" | ")
            .append(r == null ? "" : bytes(r))
            .append(" |");
      }
      out.println(line);
    }
  }

  /** How many times faster ours is than each baseline, per parameter set. */
  private static void ratioTable(List<Row> resolve, PrintStream out) {
    List<Map<String, String>> combos = combos(resolve);
    StringBuilder head = new StringBuilder("| ours faster than baseline by |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Map<String, String> c : combos) {
      head.append(' ').append(String.join(" ", c.values())).append(" |");
      rule.append("---:|");
    }
    out.println(head);
    out.println(rule);
    for (String[] pair : BASELINES) {
      StringBuilder line = new StringBuilder("| ").append(pair[0]).append(" vs ").append(pair[1]);
      line.append(" |");
      boolean any = false;
      for (Map<String, String> c : combos) {
        Row ours = find(resolve, "ResolveBenchmark", pair[0], c);
        Row base = find(resolve, "ResolveBenchmark", pair[1], c);
        line.append(' ');
        if (ours != null && base != null) {
          line.append(String.format(Locale.ROOT, "%.1fx", base.score() / ours.score()));
          any = true;
        }
        line.append(" |");
      }
      if (any) {
        out.println(line);
      }
    }
  }

  private static List<Map<String, String>> combos(List<Row> rows) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Row r : rows) {
      if (!out.contains(r.params())) {
        out.add(r.params());
      }
    }
    return out;
  }

  /** Method names, Geoscope's first, then the baselines in the order they ran. */
  private static List<String> methods(List<Row> rows) {
    List<String> ours = new ArrayList<>();
    List<String> theirs = new ArrayList<>();
    for (Row r : rows) {
      List<String> into = r.method().startsWith("geoscope") ? ours : theirs;
      if (!into.contains(r.method())) {
        into.add(r.method());
      }
    }
    ours.addAll(theirs);
    return ours;
  }

  private static String bytes(Row r) {
    return Double.isNaN(r.bytesPerOp()) ? "" : number(r.bytesPerOp());
  }

  private static void targets(List<Row> rows, PrintStream out) {
    List<String> lines = new ArrayList<>();
    for (Row ours : rows) {
      if (!ours.benchmark().endsWith("ResolveBenchmark.geoscopeFromString")) {
        continue;
      }
      String where = " (" + ours.paramText() + ")";
      Row geoip2 =
          find(rows, "ResolveBenchmark", "geoip2DatabaseReaderChmCacheFromString", ours.params());
      if (geoip2 != null) {
        lines.add(
            check(
                "String -> jurisdiction >= 50x DatabaseReader.tryCountry + CHMCache" + where,
                geoip2.score() / ours.score(),
                ">=",
                50));
      }
      Row reader = find(rows, "ResolveBenchmark", "maxmindReaderChmCacheFromString", ours.params());
      if (reader != null) {
        lines.add(
            check(
                "String -> jurisdiction >= 5x Reader.get + CHMCache" + where,
                reader.score() / ours.score(),
                ">=",
                5));
      }
      lines.add(
          check("String -> jurisdiction allocates 0 B/op" + where, ours.bytesPerOp(), "<", 1));
    }
    for (Row admit : rows) {
      if (!admit.benchmark().endsWith("DecisionBenchmark.admit")) {
        continue;
      }
      String where = " (" + admit.paramText() + ")";
      lines.add(check("admit-path decision allocates 0 B/op" + where, admit.bytesPerOp(), "<", 1));
      Row resolve = find(rows, "DecisionBenchmark", "resolveOnly", admit.params());
      if (resolve != null) {
        lines.add(
            check(
                "admit-path decision <= 2x resolve alone" + where,
                admit.score() / resolve.score(),
                "<=",
                2));
      }
    }
    hotPathTargets(rows, lines);
    Row small = find(rows, "PolicyScaleBenchmark", "admit", Map.of("rules", "10"));
    Row large = find(rows, "PolicyScaleBenchmark", "admit", Map.of("rules", "10000"));
    if (small != null && large != null) {
      lines.add(
          check(
              "10,000-rule policy <= 1.2x the 10-rule one",
              large.score() / small.score(),
              "<=",
              1.2));
    }
    for (Row roster : rows) {
      if (roster.benchmark().endsWith("RosterBenchmark.decideRoster")) {
        lines.add(
            check(
                "1,000-participant roster <= 50 us (" + roster.paramText() + ")",
                roster.score() / 1000,
                "<=",
                50));
      }
    }
    for (Row build : rows) {
      if (build.benchmark().endsWith("CompileBenchmark.buildResolver")
          && "real".equals(build.params().get("db"))) {
        double ms = build.unit().startsWith("ms") ? build.score() : build.score() / 1e6;
        lines.add(check("building the resolver from the real database <= 2 s", ms / 1000, "<=", 2));
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    out.println("| target | this run | met |");
    out.println("|---|---:|---|");
    lines.forEach(out::println);
  }

  /** The targets of issue 15: text parsing, the wired join path, virtual threads, compile. */
  private static void hotPathTargets(List<Row> rows, List<String> lines) {
    for (Row text : rows) {
      String where = " (" + text.paramText() + ")";
      if (text.benchmark().endsWith("ResolveBenchmark.geoscopeFromString")) {
        Row bytes = find(rows, "ResolveBenchmark", "geoscopeFromBytes", text.params());
        if (bytes != null) {
          lines.add(
              check(
                  "IPv4 text -> jurisdiction <= 1.7x the byte lookup" + where,
                  text.score() / bytes.score(),
                  "<=",
                  1.7));
        }
      } else if (text.benchmark().endsWith("ResolveBenchmark.geoscopeIpv6FromString")) {
        lines.add(check("IPv6 text -> jurisdiction <= 90 ns" + where, text.score(), "<=", 90));
        lines.add(check("IPv6 text -> jurisdiction allocates 0 B/op" + where, text.bytesPerOp(), "<", 1));
      } else if (text.benchmark().contains("VirtualThreadBenchmark.")) {
        lines.add(
            check(
                text.method() + " on virtual threads allocates 0 B/op" + where,
                text.bytesPerOp(),
                "<",
                1));
      } else if (text.benchmark().endsWith("CompileBenchmark.buildResolver")
          && "city28".equals(text.params().get("db"))) {
        double ms = text.unit().startsWith("ms") ? text.score() : text.score() / 1e6;
        lines.add(
            check(
                "compile of the 28 MB GeoLite2-City-shaped IPv4 file (MmdbWriter) <= 1.5 s", ms / 1000, "<=", 1.5));
      }
    }
    areaTargets(rows, lines);
    for (Row wired : rows) {
      if (!wired.benchmark().contains("JoinPathBenchmark.wired")) {
        continue;
      }
      String where = " (" + wired.paramText() + ")";
      String name = "wired join path, " + wired.method().substring("wired".length()).toLowerCase(Locale.ROOT);
      lines.add(check(name + ", allocates 0 B/op" + where, wired.bytesPerOp(), "<", 1));
      if (wired.method().equals("wiredDeny")) {
        lines.add(check(name + ", <= 300 ns" + where, wired.score(), "<=", 300));
        continue;
      }
      Row resolve = find(rows, "JoinPathBenchmark", "resolveOnly", wired.params());
      if (resolve != null) {
        lines.add(
            check(
                name + ", <= 1.5x resolve alone" + where,
                wired.score() / resolve.score(),
                "<=",
                1.5));
      }
    }
  }

  /** The targets of issue 16: area decisions, and the admit path of countries without areas. */
  private static void areaTargets(List<Row> rows, List<String> lines) {
    for (Row area : rows) {
      if (!area.benchmark().endsWith("AreaDecisionBenchmark.decideInAreaCountry")) {
        continue;
      }
      String where = " (" + area.paramText() + ")";
      lines.add(check("decision in a country with areas <= 2 us" + where, area.score(), "<=", 2000));
      lines.add(check("decision in a country with areas allocates 0 B/op" + where,
          area.bytesPerOp(), "<", 1));
      Row elsewhere = find(rows, "AreaDecisionBenchmark", "admitElsewhere", area.params());
      // The control with the same index shape, when measured; else the plain policy.
      Row control = find(rows, "AreaDecisionBenchmark", "admitWithoutAreasSameIndex", area.params());
      Row without = control != null ? control
          : find(rows, "AreaDecisionBenchmark", "admitWithoutAreas", area.params());
      if (elsewhere != null && without != null) {
        // "Unchanged within noise": within the larger of the two error bars, or 20 %.
        double noise = Math.max(0.2 * without.score(),
            Math.max(finite(elsewhere.error()), finite(without.error())));
        lines.add(check("admit where there are no areas, minus admit without areas, within noise ("
            + number(noise) + " ns)" + where, Math.abs(elsewhere.score() - without.score()), "<=",
            noise));
        lines.add(check("admit where there are no areas allocates 0 B/op" + where,
            elsewhere.bytesPerOp(), "<", 1));
      }
    }
  }

  private static double finite(double x) {
    return Double.isNaN(x) ? 0 : x;
  }

  private static String check(String target, double value, String op, double bound) {
    boolean met;
    switch (op) {
      case ">=":
        met = value >= bound;
        break;
      case "<":
        met = value < bound;
        break;
      default:
        met = value <= bound;
    }
    return String.format(
        Locale.ROOT, "| %s | %s | %s |", target, number(value), met ? "yes" : "**no**");
  }

  private static @Nullable Row find(
      List<Row> rows, String cls, String method, Map<String, String> params) {
    for (Row r : rows) {
      if (r.benchmark().endsWith(cls + "." + method) && sameParams(r.params(), params)) {
        return r;
      }
    }
    return null;
  }

  private static boolean sameParams(Map<String, String> a, Map<String, String> b) {
    for (Map.Entry<String, String> e : b.entrySet()) {
      if (!Objects.equals(a.get(e.getKey()), e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    double abs = Math.abs(v);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
