package io.geoscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> demoDecisions() throws IOException {
    CliRun run = CliRun.run("demo", "--json");
    assertThat(run.code()).as(run.err()).isZero();
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.outLines()) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static JsonNode participant(List<JsonNode> decisions, String id) {
    return decisions.stream().filter(d -> d.get("id").asText().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no decision for " + id));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void demoDeniesExactlyTheParticipantsInMainlandChinaUnderTheChineseLaw() throws IOException {
    List<JsonNode> decisions = demoDecisions();
    assertThat(decisions).hasSizeGreaterThan(10);
    for (JsonNode d : decisions) {
      boolean inChina = d.get("jurisdiction").asText().matches("CN(-.*)?") && !d.has("conflict");
      boolean denied = d.get("outcome").asText().equals("deny");
      assertThat(denied).as("denied exactly when in mainland China: %s", d).isEqualTo(inChina);
      if (denied) {
        assertThat(texts(d.get("citations"))).containsExactly("Cybersecurity Law of the PRC, art. 12");
        assertThat(texts(d.get("authorities"))).containsExactly("Cyberspace Administration of China");
      }
    }
    assertThat(decisions).filteredOn(d -> d.get("outcome").asText().equals("deny")).hasSize(3);
  }

  @Test
  void hostInTheUsAndCoHostInHongKongAreAdmittedUntouched() throws IOException {
    List<JsonNode> decisions = demoDecisions();
    for (JsonNode d : decisions) {
      String role = d.get("role").asText();
      if (role.equals("host") || role.equals("co-host")) {
        assertThat(d.get("outcome").asText()).isEqualTo("admit");
        assertThat(d.get("effects")).isEmpty();
        assertThat(d.get("rules")).isEmpty();
        assertThat(d.get("lifted")).isEmpty();
      }
    }
    assertThat(participant(decisions, "host-new-york").get("jurisdiction").asText()).startsWith("US");
    assertThat(participant(decisions, "cohost-hong-kong").get("jurisdiction").asText()).isEqualTo("HK");
  }

  @Test
  void iranianParticipantIsAdmittedBecauseGeneralLicenceD2LiftsTheSanctionsRule()
      throws IOException {
    JsonNode iran = participant(demoDecisions(), "tehran-1");
    assertThat(iran.get("jurisdiction").asText()).startsWith("IR");
    assertThat(iran.get("outcome").asText()).isEqualTo("admit");
    assertThat(iran.get("rules")).isEmpty();
    assertThat(iran.get("lifted")).hasSize(1);
    JsonNode lifted = iran.get("lifted").get(0);
    assertThat(lifted.get("rule").asText()).isEqualTo("ofac-iran-conferencing");
    assertThat(lifted.get("exemption").asText()).isEqualTo("ofac-gl-d2");
    assertThat(lifted.get("citation").asText()).contains("General License D-2");
  }

  @Test
  void recordingConsentNoticeGoesToAllPartyConsentStatesWithTheirStatute() throws IOException {
    List<JsonNode> decisions = demoDecisions();
    JsonNode california = participant(decisions, "san-francisco-1");
    assertThat(california.get("jurisdiction").asText()).isEqualTo("US-CA");
    assertThat(california.get("outcome").asText()).isEqualTo("admit-limited");
    assertThat(texts(california.get("effects"))).containsExactly("notice:recording-consent");
    assertThat(texts(california.get("citations"))).containsExactly("Cal. Penal Code § 632");
    JsonNode phone = participant(decisions, "phone-miami");
    assertThat(phone.get("jurisdiction").asText()).isEqualTo("US-FL");
    assertThat(phone.get("evidence").get("source").asText()).isEqualTo("dial-in");
    assertThat(texts(phone.get("effects"))).containsExactly("notice:recording-consent");
    // Germany and New York are not all-party-consent places in this policy.
    assertThat(participant(decisions, "berlin-1").get("outcome").asText()).isEqualTo("admit");
    assertThat(participant(decisions, "host-new-york").get("effects")).isEmpty();
  }

  @Test
  void aPstnCallerIsPlacedFromTheNumberAndConflictingParticipantsAreExplained() throws IOException {
    List<JsonNode> decisions = demoDecisions();
    JsonNode kyiv = participant(decisions, "phone-kyiv");
    assertThat(kyiv.get("jurisdiction").asText()).isEqualTo("UA-30");
    assertThat(kyiv.toString()).doesNotContain("2123456");
    JsonNode phone = participant(decisions, "conflict-beijing-ip-california-phone");
    assertThat(phone.get("jurisdiction").asText()).isEqualTo("US-CA");
    assertThat(phone.get("outcome").asText()).isEqualTo("admit");
    assertThat(texts(phone.get("conflict").get("narrowed"))).containsExactly("consent-us-ca");
    assertThat(phone.get("conflict").get("explanation").asText())
        .contains("dial-in US-CA").contains("ip-geolocation CN");
    JsonNode room = participant(decisions, "conflict-us-ip-china-room");
    assertThat(room.get("jurisdiction").asText()).isEqualTo("CN");
    assertThat(room.get("outcome").asText()).isEqualTo("admit");
    assertThat(texts(room.get("conflict").get("narrowed"))).containsExactly("cn-topic-restriction");
    assertThat(participant(decisions, "declared-london").has("conflict")).isFalse();
    assertThat(participant(decisions, "declared-london").get("signals")).hasSize(2);
  }

  @Test
  void demoExplainsEveryDecisionSaysItIsDemoDataAndShowsHowToUseARealDatabase() {
    CliRun run = CliRun.run("demo");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("DEMO DATA")
        .contains("Geoscope-Demo-City")
        .contains("legal basis: Cyberspace Administration of China, Cybersecurity Law of the PRC, art. 12")
        .contains("lifted ofac-iran-conferencing by exemption ofac-gl-d2")
        .contains("legal basis: State of California, Cal. Penal Code § 632")
        .contains("evidence: ip-geolocation Geoscope-Demo-City")
        .contains("evidence: dial-in libphonenumber")
        .contains("signals disagree: room-system CN, ip-geolocation US")
        .contains("not applied on disputed evidence: cn-topic-restriction")
        .contains("geoscope decide --db GeoLite2-City.mmdb")
        .contains("they read: Joining is not available from Beijing, China, under Cybersecurity"
            + " Law of the PRC, art. 12.")
        .contains("notice: This meeting may be recorded.");
    // Every participant of the embedded roster has a line.
    long participants = DemoCommand.resource(DemoCommand.ROSTER).lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("id,")).count();
    assertThat(run.out()).contains("Summary: " + participants + " participants");
  }

  @Test
  void demoDeletesItsTemporaryDatabase() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = demoFiles(tmp);
    assertThat(CliRun.run("demo").code()).isZero();
    assertThat(demoFiles(tmp)).containsExactlyInAnyOrderElementsOf(before);
  }

  private static List<Path> demoFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("geoscope-demo-")).toList();
    }
  }

  @Test
  void printedDemoPolicyIsAValidPolicyFile(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    CliRun printed = CliRun.run("demo", "--print-policy");
    assertThat(printed.code()).isZero();
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, printed.out());
    CliRun validate = CliRun.run("validate", file.toString());
    assertThat(validate.code()).as(validate.err()).isZero();
    assertThat(validate.out()).contains("ok (11 rules, 1 exemption,");
  }
}
