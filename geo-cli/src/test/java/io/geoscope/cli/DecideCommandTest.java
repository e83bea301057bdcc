package io.geoscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.geoscope.core.AppliedRule;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Feature;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Role;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.policy.PolicyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecideCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  static Path db;
  static Path policy;

  /** id, role, ip: one participant in each range of the test database, plus unknowns. */
  private static final String[][] PARTICIPANTS = {
    {"host", "host", "12.0.0.5"},
    {"cohost", "co-host", "14.0.3.3"},
    {"beijing", "attendee", "1.0.0.9"},
    {"china", "attendee", "1.0.1.200"},
    {"munich", "panelist", "2.16.4.4"},
    {"tehran", "attendee", "5.62.1.1"},
    {"california", "attendee", "8.8.8.8"},
    {"london", "attendee", "81.2.69.160"},
    {"seattle-v6", "attendee", "2a02:1000::42"},
    {"tokyo-v6", "attendee", "2400:cb00::7"},
    {"nowhere", "attendee", "9.9.9.9"},
    {"private", "attendee", "10.0.0.1"},
  };

  @BeforeAll
  static void writeInputs() throws Exception {
    db = TestDatabase.write(dir);
    policy = dir.resolve("policy.yaml");
    Files.writeString(policy, DemoCommand.resource(DemoCommand.POLICY));
  }

  private static Path roster(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private static String plainRoster() {
    StringBuilder b = new StringBuilder("id,role,ip\n");
    for (String[] p : PARTICIPANTS) {
      b.append(String.join(",", p)).append('\n');
    }
    return b.toString();
  }

  @Test
  void jsonLinesAgreeWithTheEngineInProcessAndCarryNoIpAddress() throws Exception {
    Path roster = roster("plain.csv", plainRoster());
    String at = "2026-06-04T12:00:00Z";
    CliRun run = CliRun.run("decide", "--db", db.toString(), "--policy", policy.toString(),
        "--roster", roster.toString(), "--tags", "june-fourth", "--features", "recording,chat",
        "--at", at, "--json");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(PARTICIPANTS.length);

    GeoResolver resolver = GeoResolver.builder().database(db).build();
    DecisionEngine engine = DecisionEngine.builder(PolicyFiles.load(policy)).build();
    Meeting meeting = new Meeting(Set.of("june-fourth"), EnumSet.of(Feature.RECORDING, Feature.CHAT));
    for (int i = 0; i < PARTICIPANTS.length; i++) {
      String[] p = PARTICIPANTS[i];
      JsonNode line = JSON.readTree(run.outLines().get(i));
      Evidence evidence = resolver.resolve(p[2]);
      Decision expected = engine.decide(
          new Participant(p[0], Role.fromCode(p[1]), evidence), meeting, Instant.parse(at));
      assertThat(line.get("id").asText()).isEqualTo(p[0]);
      assertThat(line.get("jurisdiction").asText()).isEqualTo(expected.jurisdiction().code());
      assertThat(line.get("outcome").asText()).isEqualTo(expected.outcome().code());
      List<String> rules = new ArrayList<>();
      line.get("rules").forEach(n -> rules.add(n.asText()));
      assertThat(rules).containsExactlyElementsOf(
          expected.applied().stream().map(AppliedRule::ruleId).toList());
      assertThat(line.get("evidence").get("source").asText()).isEqualTo("ip-geolocation");
      assertThat(line.get("evidence").get("detail").asText()).isEqualTo(evidence.detail());
      assertThat(line.fieldNames()).toIterable().contains("id", "jurisdiction", "outcome",
          "effects", "rules", "citations", "evidence", "message", "policyVersion");
      assertThat(line.get("message").asText()).isEqualTo(DecisionFormat.WORDS.reason(expected));
    }
    for (String[] p : PARTICIPANTS) {
      assertThat(run.out()).doesNotContain(p[2]);
      assertThat(run.err()).doesNotContain(p[2]);
    }
    assertThat(run.err()).contains("decide: " + PARTICIPANTS.length + " participants");
  }

  @Test
  void storyHoldsOnATestDatabaseOnlyChinaDeniedHostsUntouched() throws Exception {
    Path roster = roster("story.csv", plainRoster());
    CliRun run = CliRun.run("decide", "--db", db.toString(), "--policy", policy.toString(),
        "--roster", roster.toString(), "--tags", "june-fourth", "--features", "recording");
    assertThat(run.code()).isZero();
    for (String line : run.outLines()) {
      String[] cols = line.split("\t");
      assertThat(cols).as(line).hasSize(9);
      boolean china = cols[1].equals("CN") || cols[1].startsWith("CN-");
      assertThat(cols[2].equals("deny")).as(line).isEqualTo(china);
      if (cols[0].equals("host") || cols[0].equals("cohost")) {
        assertThat(cols[2]).isEqualTo("admit");
        assertThat(cols[3]).isEqualTo("-");
      }
      if (cols[0].equals("tehran")) {
        assertThat(cols[2]).isEqualTo("admit");
        assertThat(cols[6]).isEqualTo("ofac-iran-conferencing by ofac-gl-d2");
      }
      if (cols[0].equals("california")) {
        assertThat(cols[3]).isEqualTo("notice:recording-consent");
        assertThat(cols[5]).isEqualTo("Cal. Penal Code § 632");
      }
    }
  }

  @Test
  void withoutTheTagNobodyInChinaIsDenied() throws Exception {
    Path roster = roster("untagged.csv", plainRoster());
    CliRun run = CliRun.run("decide", "--db", db.toString(), "--policy", policy.toString(),
        "--roster", roster.toString());
    assertThat(run.code()).isZero();
    assertThat(run.outLines()).noneMatch(l -> l.split("\t")[2].equals("deny"));
    assertThat(run.outLines()).noneMatch(l -> l.contains("recording-consent"));
  }

  @Test
  void theLibrarysPrecedencePlacesEveryoneAndADisputeNarrowsTheSpeechRule() throws Exception {
    Path roster = roster("evidence.csv", """
        id,role,ip,dial_in,site,declared
        phone,attendee,12.0.0.5,CN,US-CA,
        room,attendee,12.0.0.5,,cn-bj,
        laptop,attendee,12.0.0.5,,,
        silent,attendee,,,,
        caller,attendee,,+861012345678,,CN
        """);
    CliRun run = CliRun.run("decide", "--db", db.toString(), "--policy", policy.toString(),
        "--roster", roster.toString(), "--tags", "june-fourth", "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode phone = JSON.readTree(run.outLines().get(0));
    JsonNode room = JSON.readTree(run.outLines().get(1));
    JsonNode laptop = JSON.readTree(run.outLines().get(2));
    JsonNode silent = JSON.readTree(run.outLines().get(3));
    assertThat(phone.get("jurisdiction").asText()).isEqualTo("CN");
    assertThat(phone.get("evidence").get("source").asText()).isEqualTo("dial-in");
    // The dial-in wins by precedence, but the site and the address disagree: no speech rule acts.
    assertThat(phone.get("outcome").asText()).isEqualTo("admit");
    assertThat(phone.get("conflict").get("explanation").asText()).contains("dial-in CN");
    assertThat(phone.get("signals")).hasSize(3);
    JsonNode caller = JSON.readTree(run.outLines().get(4));
    assertThat(caller.get("jurisdiction").asText()).isEqualTo("CN");
    assertThat(caller.get("outcome").asText()).isEqualTo("deny");
    assertThat(caller.toString()).doesNotContain("12345678");
    assertThat(room.get("jurisdiction").asText()).isEqualTo("CN-BJ");
    assertThat(room.get("evidence").get("source").asText()).isEqualTo("room-system");
    assertThat(laptop.get("jurisdiction").asText()).isEqualTo(TestDatabase.expected("12.0.0.0/16"));
    assertThat(laptop.get("evidence").get("source").asText()).isEqualTo("ip-geolocation");
    assertThat(silent.get("jurisdiction").asText()).isEqualTo("unknown:no-evidence");
    assertThat(silent.get("outcome").asText()).isEqualTo("admit");
  }

  @Test
  void badRosterLinesAreReportedByNumberAndTheOthersAreStillDecided() throws Exception {
    Path roster = roster("bad.csv", """
        id,role,ip
        ok-1,attendee,8.8.8.8
        too,many,fields,here
        ok-2,attendee,1.0.0.1
        boss,emperor,8.8.8.8
        ok-3,attendee,010.0.0.1
        ,attendee,8.8.8.8
        ok-4,host,2400:cb00::1
        """);
    CliRun run = CliRun.run("decide", "--db", db.toString(), "--policy", policy.toString(),
        "--roster", roster.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.outLines()).extracting(l -> l.split("\t")[0])
        .containsExactly("ok-1", "ok-2", "ok-4");
    assertThat(run.errLines()).filteredOn(l -> l.startsWith(roster.toString()))
        .extracting(l -> l.substring(roster.toString().length()))
        .containsExactly(
            ": line 3: has 4 fields, the header has 3",
            ": line 5: unknown role (use host, co-host, panelist or attendee)",
            ": line 6: invalid address (leading-zero): an IPv4 octet has a leading zero, which is"
                + " ambiguous (octal or decimal)",
            ": line 7: empty id");
    assertThat(run.err()).doesNotContain("010.0.0.1");
  }

  @Test
  void unreadableRosterHeaderlessRosterAndBadOptionsExitTwo() throws Exception {
    String[] base = {"decide", "--db", db.toString(), "--policy", policy.toString()};
    CliRun missing = CliRun.run(concat(base, "--roster", dir.resolve("none.csv").toString()));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none.csv: no such file");
    Path noIp = roster("noip.csv", "id,role\na,host\n");
    CliRun header = CliRun.run(concat(base, "--roster", noIp.toString()));
    assertThat(header.code()).isEqualTo(2);
    assertThat(header.err()).contains("the header has no 'ip' column");
    Path ok = roster("ok.csv", "id,role,ip\na,host,8.8.8.8\n");
    assertThat(CliRun.run(concat(base, "--roster", ok.toString(), "--features", "telepathy")).code())
        .isEqualTo(2);
    assertThat(CliRun.run(concat(base, "--roster", ok.toString(), "--at", "yesterday")).code())
        .isEqualTo(2);
    Path badPolicy = roster("bad.yaml", "geoscope: 1\nrules:\n  - id: x\n");
    CliRun invalid = CliRun.run("decide", "--db", db.toString(), "--policy", badPolicy.toString(),
        "--roster", ok.toString());
    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.err()).contains(badPolicy + ":3:");
  }

  @Test
  void disabledFeaturesAndShadowRulesAreShownButShadowChangesNothing() throws Exception {
    Path limits = roster("limits.yaml", """
        geoscope: 1
        rules:
          - id: de-no-recording
            basis: { authority: Bundestag, home: DE, kind: statute, citation: "StGB § 201" }
            applies-in: [DE-BY]
            effect: { disable: [recording, chat] }
          - id: de-trial
            basis: { authority: Bundestag, home: DE, kind: statute, citation: "Trial" }
            applies-in: [DE]
            effect: deny-join
            mode: shadow
        """);
    Path roster = roster("munich.csv", "id,role,ip\nmunich,attendee,2.16.4.4\nla,host,8.8.8.8\n");
    CliRun run = CliRun.run("decide", "--db", db.toString(), "--policy", limits.toString(),
        "--roster", roster.toString(), "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode munich = JSON.readTree(run.outLines().get(0));
    assertThat(munich.get("outcome").asText()).isEqualTo("admit-limited");
    List<String> effects = new ArrayList<>();
    munich.get("effects").forEach(n -> effects.add(n.asText()));
    assertThat(effects).singleElement().satisfies(e -> assertThat(e.split("[:+]"))
        .containsExactlyInAnyOrder("disable", "recording", "chat"));
    assertThat(munich.get("shadowed").get(0).asText()).isEqualTo("de-trial");
    JsonNode la = JSON.readTree(run.outLines().get(1));
    assertThat(la.get("outcome").asText()).isEqualTo("admit");
    assertThat(la.get("shadowed")).isEmpty();
  }

  @Test
  void aRosterOfDialInsAndRoomSystemsNeedsNoDatabase() throws Exception {
    Path roster = roster("phones.csv", """
        id,role,ip,dial_in,site
        phone,attendee,,CN-BJ,
        room,host,,,US-NY
        laptop,attendee,8.8.8.8,,
        """);
    CliRun run = CliRun.run("decide", "--policy", policy.toString(), "--roster", roster.toString(),
        "--tags", "june-fourth");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.outLines()).extracting(l -> l.split("\t")[2]).containsExactly("deny", "admit");
    assertThat(run.err()).contains(": line 4: an ip needs a location database: pass --db");
    assertThat(CliRun.run("decide", "--policy", policy.toString(), "--roster", roster.toString(),
        "--anonymous-ip", db.toString()).code()).isEqualTo(2);
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aPostalCodeColumnPlacesDialInSiteAndDeclaredLocationsRelativeToThePolicysAreas()
      throws Exception {
    Path areas = Path.of("../geo-areas/examples/areas-policy.yaml");
    Path r = roster("areas.csv", "id,role,ip,declared,postal_code\n"
        + "unplaced,attendee,,UA-30,\n"
        + "placed-outside,attendee,,UA-30,01001\n"
        + "placed-inside,attendee,,UA-30,87100\n");
    CliRun run = CliRun.run("decide", "--policy", areas.toString(), "--roster", r.toString(),
        "--json");
    assertThat(run.code()).as(run.err()).isZero();
    List<String> outcomes = new ArrayList<>();
    for (String line : run.outLines()) {
      JsonNode d = JSON.readTree(line);
      outcomes.add(d.get("id").asText() + "=" + d.get("outcome").asText());
    }
    // No postal code: uncertain, and the postal area's on-uncertain: apply denies; a code outside
    // the area admits; one under its prefix denies.
    assertThat(outcomes).containsExactly(
        "unplaced=deny", "placed-outside=admit", "placed-inside=deny");
    assertThat(run.out()).doesNotContain("01001").doesNotContain("87100");
  }
}
