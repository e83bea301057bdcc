package io.geoscope.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.common.io.BaseEncoding;
import com.google.common.net.InetAddresses;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.DecisionEvent;
import io.geoscope.core.Evidence;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.cli.Geoscope;
import io.geoscope.core.Role;
import io.geoscope.event.TransparencyCollector;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.geoip.TrustedProxies;
import io.geoscope.geoip.writer.MmdbWriter;
import io.geoscope.policy.PolicyFiles;
import io.geoscope.policy.PolicyFormat;
import io.geoscope.policy.TransparencyReports;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the resolver, the engine and every error path (invalid address, invalid header, corrupt
 * and wrong databases, invalid policies) with known participant addresses, and checks that none of
 * them appears, in any textual form, in decision events, decisions, evidence, transparency
 * reports, exception messages (whole cause chains) or anything printed to System.out/err; and
 * that the command line prints none either, except that {@code resolve} echoes its input lines.
 */
class PrivacyTest {

  private static final List<String> KNOWN = List.of(
      "81.2.69.160", "175.16.199.37", "2001:218:85a3::8a2e:370:7334", "2a02:cf40:add::b2", "10.11.12.13");

  @TempDir Path dir;

  @Test
  void noKnownAddressAppearsInAnyEventDecisionReportMessageOrOutput() throws Exception {
    List<String> texts = new ArrayList<>();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      exercise(texts);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    texts.add(printed.toString(StandardCharsets.UTF_8));

    assertThat(texts).hasSizeGreaterThan(60);
    assertNoKnownAddress(texts);
  }

  @Test
  void theCommandLineNeverPrintsAnAddressExceptAsResolveEchoesItsInput() throws Exception {
    Path db = dir.resolve("cli.mmdb");
    MmdbWriter.ipv6("GeoIP2-City")
        .insert("81.2.69.0/24", MmdbWriter.geoip2City("GB", "ENG"))
        .insert("175.16.199.0/24", MmdbWriter.geoip2City("CN", "22"))
        .insert("2001:218::/32", MmdbWriter.geoip2City("JP"))
        .write(db);
    Path policy = Files.writeString(dir.resolve("policy.yaml"),
        "geoscope: 1\nrules:\n  - id: cn-deny\n    basis: { authority: CAC, home: CN, kind: statute, citation: Art 12 }\n"
            + "    applies-in: [CN]\n    effect: deny-join\n");
    StringBuilder roster = new StringBuilder("id,role,ip\n");
    StringBuilder lines = new StringBuilder();
    int n = 0;
    for (String address : KNOWN) {
      for (String form : parseableForms(address)) {
        roster.append("p").append(n++).append(",attendee,").append(form).append('\n');
        lines.append(form).append('\n');
      }
      for (String bad : invalidForms(address)) {
        if (bad.indexOf(',') < 0 && bad.indexOf('\n') < 0) {
          roster.append("p").append(n++).append(",attendee,").append(bad).append('\n');
          lines.append(bad).append('\n');
        }
      }
    }
    Path csv = Files.writeString(dir.resolve("roster.csv"), roster);

    List<String> printed = new ArrayList<>();
    for (boolean json : new boolean[] {false, true}) {
      List<String> args = new ArrayList<>(List.of("decide", "--db", db.toString(), "--policy",
          policy.toString(), "--roster", csv.toString()));
      if (json) {
        args.add("--json");
      }
      String[] run = cli("", args.toArray(String[]::new));
      assertThat(run[0]).as("decide wrote its decisions; error output: %s", run[1]).contains("p0");
      printed.add(run[0]);
      printed.add(run[1]);
      // resolve may echo each input line on standard output, and nothing else anywhere.
      printed.add(cli(lines.toString(), json ? new String[] {"resolve", "--db", db.toString(), "--json"}
          : new String[] {"resolve", "--db", db.toString()})[1]);
    }
    Path corrupt = Files.write(dir.resolve("corrupt.mmdb"), Arrays.copyOf(Files.readAllBytes(db), 100));
    printed.addAll(List.of(cli("", "decide", "--db", corrupt.toString(), "--policy", policy.toString(),
        "--roster", csv.toString())));
    printed.addAll(List.of(cli(lines.toString(), "resolve", "--db", corrupt.toString())));
    assertNoKnownAddress(printed);
  }

  /**
   * Runs the command line in process: its standard output, then its standard error. (System.out
   * is not swapped here: with it replaced during execute, picocli's own writers received nothing.)
   */
  private static String[] cli(String stdin, String... args) {
    CommandLine cl = Geoscope.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    cl.execute(args);
    return new String[] {out.toString(), err.toString()};
  }

  private static void assertNoKnownAddress(List<String> texts) {
    Set<String> forms = new LinkedHashSet<>();
    for (String address : KNOWN) {
      forms.addAll(textualForms(address));
    }
    for (String text : texts) {
      String lower = text.toLowerCase(Locale.ROOT);
      for (String form : forms) {
        assertThat(lower).as("leaks %s", form).doesNotContain(form);
      }
    }
  }

  @Test
  void everyTextualFormIsRecognisedByTheCheck() {
    // The check above is only as good as the forms it looks for: each form is a real rendering.
    for (String form : textualForms("81.2.69.160")) {
      assertThat(form).isNotBlank();
    }
    assertThat(textualForms("81.2.69.160"))
        .contains("81.2.69.160", "::ffff:81.2.69.160", "::ffff:5102:45a0", "510245a0", "1359103392");
    assertThat(textualForms("2001:218:85a3::8a2e:370:7334"))
        .contains("2001:0218:85a3:0000:0000:8a2e:0370:7334", "2001:218:85a3:0:0:8a2e:370:7334",
            "2001021885a3000000008a2e03707334");
  }

  private void exercise(List<String> texts) throws Exception {
    Path db = dir.resolve("city.mmdb");
    MmdbWriter.ipv6("GeoIP2-City")
        .insert("81.2.69.0/24", MmdbWriter.geoip2City("GB", "ENG"))
        .insert("175.16.199.0/24", MmdbWriter.geoip2City("CN", "22"))
        .insert("2001:218::/32", MmdbWriter.geoip2City("JP"))
        .insert("2a02:cf40::/29", MmdbWriter.geoip2City("NO"))
        .write(db);
    GeoResolver resolver = GeoResolver.builder().database(db).build();
    ConcurrentLinkedQueue<DecisionEvent> events = new ConcurrentLinkedQueue<>();
    TransparencyCollector collector = TransparencyCollector.create();
    DecisionEngine engine = DecisionEngine.builder(PolicyFiles.parse(
            "geoscope: 2\noperator: { name: Example Meetings Ltd., subject-to: [CN] }\n"
                + "rules:\n  - id: cn-deny\n    basis: { authority: CAC, home: CN, kind: statute, citation: Art 12 }\n"
                + "    applies-in: [CN]\n    effect: deny-join\n    on-unknown: apply\n",
            "policy.yaml", PolicyFormat.YAML))
        .listener((when, who, role, decision) -> events.add(DecisionEvent.of(when, who, role, decision)))
        .listener(collector)
        .build();

    int n = 0;
    for (String address : KNOWN) {
      InetAddress inet = InetAddresses.forString(address);
      List<Evidence> evidence = new ArrayList<>();
      for (String form : parseableForms(address)) {
        evidence.add(resolver.resolve(form));
      }
      evidence.add(resolver.resolve(inet));
      evidence.add(resolver.resolve(inet.getAddress()));
      for (Evidence e : evidence) {
        texts.add(e.toString());
        Participant p = new Participant("participant-" + n++, Role.ATTENDEE, e);
        Decision d = engine.decide(p, Meeting.plain());
        texts.add(d.toString());
        texts.add(d.describe());
        texts.add(engine.decideRoster(List.of(p), Meeting.tagged("x")).toString());
      }
      for (String bad : invalidForms(address)) {
        texts.addAll(messages(catchThrowable(() -> resolver.resolve(bad))));
        texts.addAll(messages(catchThrowable(() -> TrustedProxies.none().clientAddress(bad, (String) null))));
      }
      TrustedProxies proxies = TrustedProxies.of("10.0.0.0/8", "fd00::/8");
      for (String header : invalidHeaders(address)) {
        texts.addAll(messages(catchThrowable(() -> proxies.clientAddress("10.0.0.1", header))));
        texts.addAll(messages(catchThrowable(() -> proxies.clientAddressFromForwarded("10.0.0.1", header))));
      }
      texts.addAll(messages(catchThrowable(() -> TrustedProxies.of(address + "/1"))));
      texts.addAll(messages(catchThrowable(() -> TrustedProxies.of(address + "/129"))));
      texts.addAll(messages(catchThrowable(() -> resolver.resolve(Arrays.copyOf(inet.getAddress(), 5)))));
    }

    byte[] good = Files.readAllBytes(db);
    byte[] flipped = good.clone();
    for (int i = 0; i < 64; i++) {
      flipped[i] = (byte) ~flipped[i];
    }
    List<byte[]> corrupt = List.of(Arrays.copyOf(good, good.length / 2), flipped, new byte[0],
        "81.2.69.160 2001:218:85a3::8a2e:370:7334".getBytes(StandardCharsets.US_ASCII));
    for (byte[] bytes : corrupt) {
      Path bad = Files.write(dir.resolve("bad.mmdb"), bytes);
      texts.addAll(messages(catchThrowable(() -> GeoResolver.builder().database(bad).build())));
      texts.addAll(messages(catchThrowable(() -> resolver.reload(bad, true))));
    }
    Path asn = dir.resolve("asn.mmdb");
    MmdbWriter.ipv4("GeoLite2-ASN").insert("81.2.69.0/24", Map.of("autonomous_system_number", 1L)).write(asn);
    texts.addAll(messages(catchThrowable(() -> GeoResolver.builder().database(asn).build())));

    for (String policy : List.of("geoscope: 1\nrules: [ {id: x", "geoscope: 2\n",
        "geoscope: 1\nrules:\n  - id: r\n    basis: { authority: A, home: XX, kind: statute, citation: c }\n    applies-in: ['*']\n    effect: deny-join\n")) {
      for (PolicyFormat format : PolicyFormat.values()) {
        texts.addAll(messages(catchThrowable(() -> PolicyFiles.parse(policy, "p", format))));
      }
    }

    for (DecisionEvent event : events) {
      texts.add(event.toString());
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    texts.add(TransparencyReports.toText(collector.report(now.minusSeconds(3600), now.plusSeconds(7200))));
    texts.add(TransparencyReports.toJson(collector.report(now.minusSeconds(3600), now.plusSeconds(7200))));
    assertThat(events).hasSize(n * 2);
    assertThat(texts.stream().filter(t -> t.contains("Exception")).count())
        .as("error paths taken").isGreaterThan(150);
  }

  /** The messages of a whole cause chain; none when nothing was thrown. */
  private static List<String> messages(Throwable thrown) {
    List<String> out = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      out.add(String.valueOf(t));
      for (Throwable s : t.getSuppressed()) {
        out.add(String.valueOf(s));
      }
    }
    return out;
  }

  /** Every rendering a leak could take, lower case. */
  static Set<String> textualForms(String address) {
    InetAddress inet = InetAddresses.forString(address);
    byte[] b = inet.getAddress();
    Set<String> forms = new LinkedHashSet<>(parseableForms(address));
    forms.add(BaseEncoding.base16().lowerCase().encode(b));
    forms.add(BaseEncoding.base16().lowerCase().withSeparator(":", 2).encode(b));
    forms.add(BaseEncoding.base16().lowerCase().withSeparator(" ", 2).encode(b));
    forms.add(Arrays.toString(b));
    if (b.length == 4) {
      int v = ByteBuffer.wrap(b).getInt();
      forms.add(Integer.toString(v));
      forms.add(Long.toString(v & 0xFFFFFFFFL));
      forms.add(Integer.toHexString(v));
    } else {
      ByteBuffer bb = ByteBuffer.wrap(b);
      forms.add(Long.toHexString(bb.getLong()));
      forms.add(Long.toHexString(bb.getLong()));
      StringBuilder full = new StringBuilder();
      StringBuilder plain = new StringBuilder();
      for (int i = 0; i < 16; i += 2) {
        int group = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        full.append(i == 0 ? "" : ":").append(String.format("%04x", group));
        plain.append(i == 0 ? "" : ":").append(Integer.toHexString(group));
      }
      forms.add(full.toString());
      forms.add(plain.toString());
    }
    forms.removeIf(f -> f.length() < 6);
    return forms;
  }

  /** Renderings the resolver accepts. */
  private static List<String> parseableForms(String address) {
    InetAddress inet = InetAddresses.forString(address);
    List<String> forms = new ArrayList<>();
    forms.add(InetAddresses.toAddrString(inet).toLowerCase(Locale.ROOT));
    byte[] b = inet.getAddress();
    if (b.length == 4) {
      forms.add("::ffff:" + address);
      forms.add(String.format("::ffff:%02x%02x:%02x%02x", b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF, b[3] & 0xFF)
          .replaceAll(":0+([0-9a-f])", ":$1"));
      forms.add("::" + address);
      forms.add("0:0:0:0:0:ffff:" + address);
    } else {
      forms.add(address.toUpperCase(Locale.ROOT));
    }
    return forms;
  }

  private static List<String> invalidForms(String address) {
    return List.of(address + " ", " " + address, "[" + address + "]", address + "%eth0",
        address + ":443", "0" + address, address + address, address + ".example", address + "\u00a0",
        address.replace('1', '\u0661'));
  }

  private static List<String> invalidHeaders(String address) {
    return List.of(address + ":99999", "[" + address, "for=" + address + ":80;for=" + address,
        "for=\"" + address, "for=[" + address + "]", address + ", garbage!", "_bad*id, " + address + "x");
  }
}
