package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionRecordsTest {
  private static final Instant AT = Instant.parse("2026-06-04T08:00:00Z");
  private static final String POLICY = """
      geoscope: 1
      version: "2026-06-01"
      rules:
        - id: cn-deny
          basis: { authority: CAC, home: CN, kind: statute, citation: "Cybersecurity Law of the PRC, art. 12" }
          applies-in: [CN]
          effect: deny-join
        - id: us-wa-consent
          basis: { authority: State of Washington, home: US-WA, kind: statute, citation: "RCW 9.73.030" }
          applies-in: [US-WA]
          effect: { notice: recording-consent }
        - id: us-wa-shadow
          mode: shadow
          basis: { authority: State of Washington, home: US-WA, kind: statute, citation: "RCW 9.73.030" }
          applies-in: [US-WA]
          effect: { disable: [recording] }
      """;

  @Test
  void theAuditRecordNamesEverythingTheDecisionRestsOnAndNoAddress() throws Exception {
    Policy policy = PolicyFiles.parse(POLICY, "policy.yaml", PolicyFormat.YAML);
    List<String> lines = new ArrayList<>();
    DecisionEngine engine = DecisionEngine.builder(policy)
        .listener((at, who, role, decision) -> lines.add(DecisionRecords.toJson(at, who, role, decision)))
        .build();
    Evidence bj = new Evidence(Jurisdiction.of("CN-BJ"), LocationSource.IP_GEOLOCATION,
        "GeoLite2-City build 2026-05-30T00:00:00Z", "subdivisions[0]");
    Evidence wa = Evidence.of(Jurisdiction.of("US-WA"), LocationSource.DIAL_IN, "dial-in +1 206");
    engine.decide(new Participant("p-17", Role.ATTENDEE, bj), Meeting.plain(), AT);
    Decision limited =
        engine.decide(new Participant("p-18", Role.HOST, wa), Meeting.plain(), AT);

    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).doesNotContain("\n"));
    JsonNode deny = new ObjectMapper().readTree(lines.get(0));
    assertThat(deny.get("record").asText()).isEqualTo(DecisionRecords.FORM);
    assertThat(deny.get("at").asText()).isEqualTo("2026-06-04T08:00:00Z");
    assertThat(deny.get("policyVersion").asText()).isEqualTo("2026-06-01");
    assertThat(deny.get("participantId").asText()).isEqualTo("p-17");
    assertThat(deny.get("role").asText()).isEqualTo("attendee");
    assertThat(deny.get("jurisdiction").asText()).isEqualTo("CN-BJ");
    assertThat(deny.get("outcome").asText()).isEqualTo("deny");
    assertThat(deny.get("effects").get(0).get("kind").asText()).isEqualTo("deny-join");
    assertThat(deny.get("rules").get(0).get("id").asText()).isEqualTo("cn-deny");
    assertThat(deny.get("rules").get(0).get("citation").asText())
        .isEqualTo("Cybersecurity Law of the PRC, art. 12");
    assertThat(deny.get("evidence").get("source").asText()).isEqualTo("ip-geolocation");
    assertThat(deny.get("evidence").get("producer").asText())
        .isEqualTo("GeoLite2-City build 2026-05-30T00:00:00Z");
    assertThat(deny.get("evidence").get("detail").asText()).isEqualTo("subdivisions[0]");

    JsonNode notice = new ObjectMapper().readTree(lines.get(1));
    assertThat(notice.get("outcome").asText()).isEqualTo("admit-limited");
    assertThat(notice.get("effects").get(0).get("key").asText()).isEqualTo("recording-consent");
    assertThat(notice.get("shadowRules").get(0).asText()).isEqualTo("us-wa-shadow");
    assertThat(notice.get("evidence").get("source").asText()).isEqualTo("dial-in");
    assertThat(DecisionRecords.toTree(AT, "p-18", Role.HOST, limited))
        .isEqualTo(notice);
    for (String l : lines) {
      assertThat(l).doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }
  }
}
