package io.geoscope.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes, for real: a child JVM writing appeals is killed (SIGKILL) at random points and in the
 * middle of a commit; a PostgreSQL server is crashed (immediate shutdown) mid-transaction and
 * while a writer runs. After each restart every acknowledged write is there and no review is half
 * written.
 */
class CrashTest {
  @TempDir Path dir;

  @Test
  void aWriterKilledAtRandomPointsLosesNoAcknowledgedWriteOnSqlite() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("crash.db");
    killedAtRandomPoints(url);
  }

  @Test
  void aWriterKilledInTheMiddleOfACommitLeavesNoHalfWrittenReviewOnSqlite() throws Exception {
    killedMidCommit("jdbc:sqlite:" + dir.resolve("mid.db"));
  }

  @Test
  void aWriterKilledOnPostgresLosesNothingAcknowledgedAndLeavesNoHalfReview() throws Exception {
    try (PgCluster pg = PgCluster.startOwn()) {
      killedAtRandomPoints(pg.createDatabase("killed"));
      killedMidCommit(pg.createDatabase("midcommit"));
    }
  }

  @Test
  void aPostgresServerCrashedMidTransactionKeepsEveryAcknowledgedWrite() throws Exception {
    try (PgCluster pg = PgCluster.startOwn()) {
      String url = pg.createDatabase("servercrash");
      Set<String> filed = new LinkedHashSet<>();
      Set<String> approved = new LinkedHashSet<>();
      boolean[] crashOnCommit = {false};
      JdbcAppealStore.Connector crashing = () -> {
        Connection c = DriverManager.getConnection(url);
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, m, a) -> {
              if (m.getName().equals("commit") && crashOnCommit[0]) {
                crashOnCommit[0] = false;
                pg.crash(); // every statement ran; the server dies before COMMIT reaches it
              }
              try {
                return m.invoke(c, a);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
      };
      AppealStore store = JdbcAppealStore.openMigrated(crashing);
      for (int i = 0; i < 5; i++) {
        Appeal a = store.file(Story.appeal("acct-s" + i));
        filed.add(a.id());
        store.approve(a.id(), Story.review("rev-1", "ok " + i), Story.UNTIL);
        approved.add(a.id());
      }
      Appeal victim = store.file(Story.appeal("acct-victim"));
      filed.add(victim.id());
      crashOnCommit[0] = true;
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> store.approve(victim.id(), Story.review("rev-1", "never acknowledged"), Story.UNTIL))
          .isInstanceOf(AppealStorageException.class);

      pg.startServer();
      AppealStore after = AppealStore.open(url);
      Consistency.check(url);
      Consistency.acknowledged(after, filed, approved);
      assertThat(after.find(victim.id()).status()).isEqualTo(AppealStatus.PENDING);
      assertThat(after.audit(victim.id())).hasSize(1);
      assertThat(after.verifiedLocation("acct-victim")).isEmpty();

      // And a crash at an arbitrary moment while a writer keeps going.
      List<String> ackFiled = new ArrayList<>();
      List<String> ackApproved = new ArrayList<>();
      Thread writer = new Thread(() -> {
        try {
          for (int i = 0; ; i++) {
            Appeal a = after.file(Story.appeal("acct-w" + i));
            synchronized (ackFiled) {
              ackFiled.add(a.id());
            }
            after.approve(a.id(), Story.review("rev-2", "ok " + i), Story.UNTIL);
            synchronized (ackFiled) {
              ackApproved.add(a.id());
            }
          }
        } catch (AppealException expected) {
          // The server went away: this write was not acknowledged.
        }
      });
      writer.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int target = 5 + new Random().nextInt(20);
      while (sizeOf(ackApproved) < target && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      pg.crash();
      writer.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(writer.isAlive()).isFalse();
      pg.startServer();
      Consistency.check(url);
      synchronized (ackFiled) {
        assertThat(ackApproved).hasSizeGreaterThanOrEqualTo(Math.min(target, 1));
        Consistency.acknowledged(AppealStore.open(url), ackFiled, ackApproved);
      }
    }
  }

  private static int sizeOf(List<String> list) {
    synchronized (list) {
      return list.size();
    }
  }

  private void killedAtRandomPoints(String url) throws Exception {
    Random random = new Random();
    Set<String> filed = new LinkedHashSet<>();
    Set<String> approved = new LinkedHashSet<>();
    for (int run = 0; run < Integer.getInteger("geoscope.crash.runs", 2); run++) {
      Process child = startWriter(url, 0);
      BufferedReader lines = reader(child);
      int stopAfter = 1 + random.nextInt(40);
      for (int n = 0; n < stopAfter; n++) {
        record(lines.readLine(), filed, approved);
      }
      // SIGKILL: lines the child printed but this process has not read were never acknowledged.
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      Consistency.check(url);
      try (AppealStore store = AppealStore.open(url)) {
        Consistency.acknowledged(store, filed, approved);
      }
    }
    assertThat(approved).isNotEmpty();
  }

  private void killedMidCommit(String url) throws Exception {
    // Commits 1 and 2 are the first filing and approval; 4 is the second approval.
    Process child = startWriter(url, 4);
    BufferedReader lines = reader(child);
    Set<String> filed = new LinkedHashSet<>();
    Set<String> approved = new LinkedHashSet<>();
    String line;
    while ((line = lines.readLine()) != null && !line.startsWith("in-commit ")) {
      record(line, filed, approved);
    }
    assertThat(line).as("the writer reached its fourth commit").isNotNull();
    String victim = line.substring("in-commit ".length());
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    Consistency.check(url);
    try (AppealStore store = AppealStore.open(url)) {
      Consistency.acknowledged(store, filed, approved);
      assertThat(approved).hasSize(1).doesNotContain(victim);
      Appeal half = store.find(victim);
      assertThat(half.status()).isEqualTo(AppealStatus.PENDING);
      assertThat(store.audit(victim)).hasSize(1);
      assertThat(store.verifiedLocation(half.accountId())).isEmpty();
    }
  }

  private static void record(String line, Set<String> filed, Set<String> approved) {
    assertThat(line).as("writer output").isNotNull();
    if (line.startsWith("filed ")) {
      filed.add(line.substring(6));
    } else if (line.startsWith("approved ")) {
      approved.add(line.substring(9));
    }
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private static Process startWriter(String url, int hangAtCommit) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            CrashWriter.class.getName(), url, Integer.toString(hangAtCommit))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

}
