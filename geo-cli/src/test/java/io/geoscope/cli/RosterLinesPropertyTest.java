package io.geoscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Every roster line is accounted for exactly once: decided on standard output, in order, or
 * reported on standard error with its own line number; and the exit code says whether any was bad.
 */
class RosterLinesPropertyTest {

  @TempDir static Path dir;

  static Path db;
  static Path policy;

  /** Line kinds: valid with an IP, valid with dial_in, valid with site, then four bad kinds. */
  private static final String[] KINDS = {
    "%s,attendee,1.0.0.%d,,",
    "%s,host,,US-CA,",
    "%s,co-host,,,DE-BY",
    "%s,attendee,01.0.0.%d,,",
    "%s,nobody,8.8.8.%d,,",
    "%s,attendee,8.8.8.8,XX-Y%d!,",
    "%s,attendee",
  };

  private static final int FIRST_BAD_KIND = 3;

  @BeforeAll
  static void writeInputs() throws Exception {
    db = TestDatabase.write(dir);
    policy = dir.resolve("policy.yaml");
    Files.writeString(policy, DemoCommand.resource(DemoCommand.POLICY));
  }

  private static Gen<List<Integer>> rosters() {
    return lists().of(integers().between(0, KINDS.length - 1)).ofSizeBetween(0, 40);
  }

  @Test
  void everyLineIsDecidedOrReportedByItsNumberNeverBothNeverLost() {
    int[] run = {0};
    qt().withExamples(200).forAll(rosters()).checkAssert(kinds -> {
      StringBuilder csv = new StringBuilder("id,role,ip,dial_in,site\n");
      List<String> decided = new ArrayList<>();
      List<Integer> bad = new ArrayList<>();
      for (int i = 0; i < kinds.size(); i++) {
        int kind = kinds.get(i);
        String id = "p" + i;
        csv.append(String.format(KINDS[kind], id, i % 256)).append('\n');
        if (kind >= FIRST_BAD_KIND) {
          bad.add(i + 2); // line 1 is the header
        } else {
          decided.add(id);
        }
      }
      Path roster = dir.resolve("roster-" + run[0]++ + ".csv");
      try {
        Files.writeString(roster, csv);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      CliRun result = CliRun.run("decide", "--db", db.toString(), "--policy", policy.toString(),
          "--roster", roster.toString(), "--tags", "june-fourth");
      assertThat(result.outLines()).extracting(l -> l.split("\t")[0])
          .containsExactlyElementsOf(decided);
      List<Integer> reported = new ArrayList<>();
      for (String line : result.errLines()) {
        if (line.startsWith(roster + ": line ")) {
          String rest = line.substring((roster + ": line ").length());
          reported.add(Integer.parseInt(rest.substring(0, rest.indexOf(':'))));
        }
      }
      assertThat(reported).containsExactlyElementsOf(bad);
      assertThat(result.code()).isEqualTo(bad.isEmpty() ? 0 : 1);
    });
  }
}
