package io.geoscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code geoscope appeals}: the README's story on the embedded store. */
class AppealsCommandTest {
  @TempDir Path dir;

  CliRun appeals(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "appeals";
    System.arraycopy(args, 0, all, 1, 1);
    all[2] = "--db";
    all[3] = dir.resolve("appeals.db").toString();
    System.arraycopy(args, 1, all, 4, args.length - 1);
    return CliRun.run(all);
  }

  @Test
  void fileApproveListExportAndAuditTheCrimeaToKyivStory() {
    CliRun filed = appeals("file", "--account", "acct-olena", "--placed-in", "UA-43", "--claimed",
        "UA-30", "--verification", "proof-of-address,identity-document", "--policy-version",
        "2026-11-01", "--at", "2026-11-02T09:00:00Z");
    assertThat(filed.code()).as(filed.err()).isZero();
    String id = filed.out().split("\t")[0];
    assertThat(filed.out()).contains("pending", "UA-43 -> UA-30");

    CliRun approved = appeals("approve", id, "--reviewer", "rev-ana", "--reason",
        "lease and ID show Kyiv", "--policy-version", "2026-11-01", "--at", "2026-11-04T09:00:00Z");
    assertThat(approved.code()).as(approved.err()).isZero();
    assertThat(approved.out()).contains("approved");

    CliRun again = appeals("deny", id, "--reviewer", "rev-bo", "--reason", "late", "--policy-version",
        "2026-11-01");
    assertThat(again.code()).isEqualTo(Geoscope.FINDING);
    assertThat(again.err()).contains("already approved");

    assertThat(appeals("list", "--status", "approved").outLines()).singleElement()
        .satisfies(l -> assertThat(l).startsWith(id));
    CliRun table = appeals("export", "--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z");
    assertThat(table.out()).containsPattern("UA-43 +1 +1 +0 +0 +0");
    CliRun json = appeals("export", "--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z", "--json");
    assertThat(json.out()).contains("\"placed_in\":\"UA-43\",\"received\":1,\"approved\":1");
    CliRun audit = appeals("export", "--audit", "--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z");
    assertThat(audit.outLines()).hasSize(2);
    assertThat(audit.outLines().get(1)).contains("approved by rev-ana", "[UA-30]", "policy 2026-11-01");
  }

  @Test
  void expireAndBadInputAreReportedWithExitCodes() {
    String id = appeals("file", "--account", "acct-x", "--placed-in", "IR", "--claimed", "AM",
        "--verification", "travel-record", "--policy-version", "v1", "--at", "2026-01-01T00:00:00Z")
        .out().split("\t")[0];
    CliRun expired = appeals("expire", "--filed-before", "2026-02-01T00:00:00Z", "--reviewer",
        "system", "--reason", "no verification within 30 days", "--policy-version", "v1");
    assertThat(expired.code()).as(expired.err()).isZero();
    assertThat(expired.out()).startsWith(id).contains("expired");
    assertThat(appeals("expire", id, "--reviewer", "system", "--reason", "again", "--policy-version", "v1").code())
        .isEqualTo(Geoscope.FINDING);
    assertThat(appeals("approve", "ap-nosuch", "--reviewer", "r", "--reason", "x", "--policy-version", "v1").code())
        .isEqualTo(Geoscope.FINDING);

    CliRun leaky = appeals("file", "--account", "203.0.113.9", "--placed-in", "IR", "--claimed", "AM",
        "--verification", "travel-record", "--policy-version", "v1");
    assertThat(leaky.code()).isEqualTo(Geoscope.UNUSABLE);
    assertThat(leaky.err()).contains("accountId").doesNotContain("203.0.113.9");
    assertThat(appeals("list", "--jdbc-url", "jdbc:mysql://x/y").code()).isEqualTo(Geoscope.UNUSABLE);
  }
}
