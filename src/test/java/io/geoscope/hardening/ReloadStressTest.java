package io.geoscope.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.DecisionListener;
import io.geoscope.core.Evidence;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.ParticipantDecision;
import io.geoscope.policy.PolicyFileException;
import io.geoscope.core.Role;
import io.geoscope.geoip.DatabaseException;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.geoip.writer.MmdbWriter;
import io.geoscope.policy.LivePolicy;
import io.geoscope.policy.PolicyFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two threads decide rosters (GeoResolver, then DecisionEngine) without pause while a third
 * reloads the database and the policy, alternating between two versions of each and mixing in
 * corrupt databases and invalid policies. Every decision must equal the one a fresh resolver and
 * engine give for one complete (database, policy) pair, no lookup may fail or go missing, every bad
 * file must be refused with the old one kept in service, and the heap must not grow.
 *
 * <p>Runs for {@code geoscope.stress.seconds} (3 by default; the {@code stress} profile sets
 * minutes). Threads start together on a barrier and stop at a fixed deadline; nothing sleeps.
 */
class ReloadStressTest {

  /** Flips between the versions: FR in database A, DE in database B. */
  private static final String FLIPPING_V4 = "81.2.69.160";
  private static final String FLIPPING_V6 = "2001:218::1";
  private static final String[] ROSTER = {FLIPPING_V4, FLIPPING_V6, "8.8.8.8", "10.1.2.3"};
  private static final Meeting MEETING = Meeting.plain();
  private static final Instant AT = Instant.parse("2026-11-29T12:00:00Z");

  @TempDir Path dir;

  @Test
  void decisionsUnderConstantReloadsAlwaysComeFromOneCompleteDatabaseAndPolicyPair()
      throws Exception {
    long seconds = Long.getLong("geoscope.stress.seconds", 3);
    Path dbA = write("a.mmdb", database("FR", Instant.parse("2026-01-01T00:00:00Z")));
    Path dbB = write("b.mmdb", database("DE", Instant.parse("2026-02-01T00:00:00Z")));
    byte[] a = Files.readAllBytes(dbA);
    Path truncated = write("truncated.mmdb", Arrays.copyOf(a, a.length / 2));
    byte[] noise = new byte[a.length];
    new Random(7).nextBytes(noise);
    Path garbage = write("garbage.mmdb", noise);
    Path p1 = write("p1.yaml", policy("p1", "deny-join", "{disable: [recording]}"));
    Path p2 = write("p2.yaml", policy("p2", "{notice: recording-consent}", "{disable: [chat]}"));
    Path wildcard = write("wildcard.yaml", policy("p3", "deny-join", "deny-join")
        .replace("applies-in: [FR]", "applies-in: ['*']"));
    Path broken = write("broken.yaml", "geoscope: 1\nrules: [ {id: \"unclosed\n");

    // The reference: what each complete pair decides, from resolvers and engines nobody reloads.
    Map<String, Map<Evidence, String>> databaseOf = new HashMap<>();
    Map<String, Decision> expected = new HashMap<>();
    for (Path db : List.of(dbA, dbB)) {
      GeoResolver fixed = GeoResolver.builder().database(db).build();
      for (Path p : List.of(p1, p2)) {
        DecisionEngine engine = DecisionEngine.builder(PolicyFiles.load(p)).build();
        for (String ip : ROSTER) {
          Evidence evidence = fixed.resolve(ip);
          databaseOf.computeIfAbsent(ip, k -> new HashMap<>()).put(evidence, db.getFileName().toString());
          expected.put(key(ip, db.getFileName().toString(), engine.policy().version()),
              engine.decide(participant(0, evidence), MEETING, AT));
        }
      }
    }
    assertThat(List.of("a.mmdb", "b.mmdb").stream()
            .flatMap(db -> List.of("p1", "p2").stream().map(p -> expected.get(key(FLIPPING_V4, db, p))))
            .distinct())
        .as("each (database, policy) pair decides the flipping address differently")
        .hasSize(4);

    LongAdder events = new LongAdder();
    DecisionListener counting = (when, who, role, decision) -> events.increment();
    GeoResolver resolver = GeoResolver.builder().database(dbA).build();
    // The real LivePolicy over a file that an operator replaces atomically, as in production.
    Path liveFile = dir.resolve("live.yaml");
    Files.copy(p1, liveFile);
    LivePolicy live =
        LivePolicy.load(liveFile, p -> DecisionEngine.builder(p).listener(counting).build());

    long heapBefore = usedHeapAfterGc();
    CyclicBarrier start = new CyclicBarrier(3);
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    Map<String, LongAdder> pairsSeen = new ConcurrentHashMap<>();
    AtomicLong decided = new AtomicLong();
    List<Thread> deciders = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      Thread decider = new Thread(() -> {
        try {
          start.await();
          long mine = 0;
          while (System.nanoTime() < deadline) {
            List<Participant> roster = new ArrayList<>(ROSTER.length);
            for (int i = 0; i < ROSTER.length; i++) {
              roster.add(participant(i, resolver.resolve(ROSTER[i])));
            }
            DecisionEngine engine = live.engine();
            List<ParticipantDecision> decisions = engine.decideRoster(roster, MEETING, AT);
            assertThat(decisions).hasSize(ROSTER.length);
            for (int i = 0; i < ROSTER.length; i++) {
              String db = databaseOf.get(ROSTER[i]).get(roster.get(i).evidence());
              assertThat(db).as("evidence from a database version that was never written").isNotNull();
              String pair = key(ROSTER[i], db, engine.policy().version());
              assertThat(decisions.get(i).decision()).as(pair).isEqualTo(expected.get(pair));
              pairsSeen.computeIfAbsent(pair, k -> new LongAdder()).increment();
            }
            mine += decisions.size();
          }
          decided.addAndGet(mine);
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "decider-" + t);
      deciders.add(decider);
    }
    deciders.forEach(Thread::start);

    start.await();
    Map<String, Integer> refused = new HashMap<>();
    int reloads = 0;
    Path[] databases = {dbB, truncated, dbA, garbage};
    Path[] policies = {p2, wildcard, p1, broken};
    for (int i = 0; System.nanoTime() < deadline; i++) {
      Path db = databases[i % databases.length];
      Instant inService = resolver.buildEpoch();
      try {
        resolver.reload(db, true);
      } catch (DatabaseException e) {
        refused.merge("database", 1, Integer::sum);
        assertThat(resolver.buildEpoch()).as("old database kept after refusing %s", db).isEqualTo(inService);
      }
      Path policy = policies[i % policies.length];
      DecisionEngine before = live.engine();
      Path next = dir.resolve("next.yaml");
      Files.copy(policy, next, StandardCopyOption.REPLACE_EXISTING);
      Files.move(next, liveFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      try {
        live.reload();
      } catch (PolicyFileException e) {
        refused.merge("policy", 1, Integer::sum);
        assertThat(live.engine()).as("old policy kept after refusing %s", policy).isSameAs(before);
      }
      reloads++;
    }
    for (Thread decider : deciders) {
      decider.join();
    }

    assertThat(failures).isEmpty();
    assertThat(decided.get()).isPositive().isEqualTo(events.sum());
    long rounds = reloads / 4;
    assertThat(refused.get("database")).isGreaterThanOrEqualTo((int) (2 * rounds));
    assertThat(refused.get("policy")).isGreaterThanOrEqualTo((int) (2 * rounds));
    assertThat(live.refusals()).isEqualTo(refused.get("policy").longValue());
    assertThat(rounds).as("reload rounds in %s s", seconds).isPositive();
    assertThat(pairsSeen.keySet()).as("every (database, policy) pair served")
        .contains(key(FLIPPING_V4, "a.mmdb", "p1"), key(FLIPPING_V4, "a.mmdb", "p2"),
            key(FLIPPING_V4, "b.mmdb", "p1"), key(FLIPPING_V4, "b.mmdb", "p2"));
    long heapAfter = usedHeapAfterGc();
    assertThat(heapAfter).as("used heap after GC, before %s", heapBefore)
        .isLessThan(heapBefore + 64L * 1024 * 1024);
    System.out.printf("stress: %d s, %d decisions, %d reloads, refused %s, heap %d -> %d KiB%n",
        seconds, decided.get(), reloads * 2, refused, heapBefore / 1024, heapAfter / 1024);
  }

  private static String key(String ip, String db, String policy) {
    return ip + " with " + db + " and " + policy;
  }

  private static Participant participant(int i, Evidence evidence) {
    return new Participant("p" + i, i == 0 ? Role.HOST : Role.ATTENDEE, evidence);
  }

  private static byte[] database(String country, Instant built) {
    return MmdbWriter.ipv6("GeoIP2-Country").buildEpoch(built)
        .insert("81.2.69.0/24", MmdbWriter.geoip2Country(country))
        .insert("2001:218::/32", MmdbWriter.geoip2Country(country))
        .insert("8.8.8.0/24", MmdbWriter.geoip2Country("US"))
        .toByteArray();
  }

  private static String policy(String version, String frEffect, String deEffect) {
    String rules = rule("fr-" + version, "FR", "Parliament of France", frEffect)
        + rule("de-" + version, "DE", "Bundestag", deEffect);
    return "geoscope: 1\nversion: " + version + "\nrules:\n" + rules;
  }

  private static String rule(String id, String country, String authority, String effect) {
    return "  - id: " + id + "\n"
        + "    basis: { authority: " + authority + ", home: " + country
        + ", kind: statute, citation: \"" + id + " art. 1\" }\n"
        + "    applies-in: [" + country + "]\n"
        + "    effect: " + effect + "\n";
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
