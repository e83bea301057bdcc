package io.geoscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.geoscope.core.Jurisdiction;
import io.geoscope.core.Policy;
import io.geoscope.core.Scope;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.geoip.writer.MmdbWriter;
import io.geoscope.policy.LivePolicy;
import io.geoscope.policy.PolicyFiles;
import io.geoscope.server.DecisionService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.geoscope.policy.PolicyFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 6: "HK, MO and TW are never CN". The ISO 3166-2:CN codes for Hong Kong, Macao
 * and Taiwan (current and retired) read as those countries wherever a code enters: the
 * {@code Jurisdiction} factories, a scope built in code, a policy file's {@code applies-in}, a
 * database record whose subdivision is one of them under country CN, and a declared or
 * room-system ({@code site}) location in a join request to geo-server.
 */
class NormalisationPropertiesTest {
  /** Alias, the country it names, and an authority whose home that country is. */
  static final List<String[]> ALIASES = List.of(
      new String[] {"CN-HK", "HK", "hk.ofca"}, new String[] {"CN-91", "HK", "hk.ofca"},
      new String[] {"CN-MO", "MO", "mo.government"}, new String[] {"CN-92", "MO", "mo.government"},
      new String[] {"CN-TW", "TW", "tw.ncc"}, new String[] {"CN-71", "TW", "tw.ncc"});

  private static GeoResolver resolver;
  private static DecisionService service;

  @BeforeAll
  static void database(@TempDir Path dir) throws Exception {
    MmdbWriter w = MmdbWriter.ipv4("GeoIP2-City");
    for (int i = 0; i < ALIASES.size(); i++) {
      String part = ALIASES.get(i)[0].substring(3);
      w.insert("14." + i + ".0.0/16", MmdbWriter.geoip2City("CN", part));
    }
    w.insert("14.200.0.0/16", MmdbWriter.geoip2City("CN", "BJ"));
    Path db = dir.resolve("aliases.mmdb");
    w.write(db);
    resolver = GeoResolver.builder().database(db).build();
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, policyText("CN-HK", "hk.ofca"));
    service = DecisionService.of(LivePolicy.load(policy), resolver);
  }

  @Test
  void everyEntryPointReadsTheAliasAsItsOwnCountry() {
    qt().withExamples(1000)
        .forAll(integers().between(0, ALIASES.size() - 1), integers().between(0, 255))
        .checkAssert((i, host) -> {
          String alias = ALIASES.get(i)[0];
          Jurisdiction expected = Jurisdiction.country(ALIASES.get(i)[1]);

          assertThat(Jurisdiction.of(alias)).as("of(%s)", alias).isEqualTo(expected);
          assertThat(Jurisdiction.resolve(alias)).as("resolve(%s)", alias).isEqualTo(expected);
          assertThat(Scope.of(alias).members()).as("Scope.of(%s)", alias)
              .containsExactly(expected);
          assertThat(resolver.resolve("14." + i + "." + (host % 256) + ".7").jurisdiction())
              .as("database record CN / %s", alias).isEqualTo(expected);
          assertThat(fromFile(alias, ALIASES.get(i)[2]).rules().get(0).appliesIn().members())
              .as("applies-in [%s]", alias).containsExactly(expected);
          for (String signal : List.of("declared", "site")) {
            assertThat(joinRequest(signal, alias).jurisdiction())
                .as("geo-server %s %s", signal, alias).isEqualTo(expected);
          }
          assertThat(expected.within(Jurisdiction.country("CN"))).isFalse();
        });
  }

  @Test
  void theMainlandStaysMainland() {
    assertThat(resolver.resolve("14.200.1.1").jurisdiction()).isEqualTo(Jurisdiction.of("CN-BJ"));
    assertThat(Jurisdiction.of("CN-BJ").within(Jurisdiction.country("CN"))).isTrue();
  }

  private static io.geoscope.core.Decision joinRequest(String signal, String alias) {
    String body = "{\"participant\": {\"id\": \"p\", \"" + signal + "\": \"" + alias + "\"}}";
    try {
      return service.decide(body.getBytes(StandardCharsets.UTF_8)).decision();
    } catch (Exception e) {
      throw new AssertionError(signal + " " + alias + ": " + e.getMessage(), e);
    }
  }

  private static Policy fromFile(String alias, String authority) {
    try {
      return PolicyFiles.parse(policyText(alias, authority), "alias.yaml", PolicyFormat.YAML);
    } catch (Exception e) {
      throw new AssertionError(alias + ": " + e.getMessage(), e);
    }
  }

  private static String policyText(String alias, String authority) {
    return "geoscope: 2\n"
        + "operator: { name: Example Meetings Inc., subject-to: [US] }\n"
        + "rules:\n"
        + "  - id: local\n"
        + "    basis: { authority: " + authority + ", kind: regulation,"
        + " citation: \"Ordinance 106, s. 7\" }\n"
        + "    applies-in: [" + alias + "]\n"
        + "    effect: { notice: local-law }\n";
  }
}
