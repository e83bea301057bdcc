package io.geoscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.Decision;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.Outcome;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class DecisionTableTest {
  private static Decision distinct(int i) {
    return new Decision(Jurisdiction.of("DE"), Outcome.ADMIT, List.of(), List.of(), List.of(),
        List.of(), "geoscope.admit", Map.of("jurisdiction", "DE", "n", Integer.toString(i)));
  }

  @Test
  void everyDecisionGetsOneValueAcrossGrowthAndPastTheIdentityLimit() {
    AtomicInteger computed = new AtomicInteger();
    DecisionTable<LongAdder> table = DecisionTable.computing(d -> {
      computed.incrementAndGet();
      return new LongAdder();
    });
    int n = DecisionTable.IDENTITY_LIMIT + 500;
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      decisions.add(distinct(i));
    }
    for (int round = 0; round < 3; round++) {
      for (Decision d : decisions) {
        table.get(d).increment();
      }
    }
    // An equal decision (another instance) shares the value.
    table.get(distinct(7)).increment();

    assertThat(computed.get()).isEqualTo(n);
    Map<Decision, Long> seen = new IdentityHashMap<>();
    table.forEach((d, count) -> seen.put(d, count.sum()));
    assertThat(seen).hasSize(n);
    assertThat(seen.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3L * n + 1);
  }

  @Test
  void threadsSeeingDecisionsForTheFirstTimeTogetherShareOneValueEachAndLoseNoCount()
      throws Exception {
    DecisionTable<LongAdder> table = DecisionTable.computing(d -> new LongAdder());
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      decisions.add(distinct(i));
    }
    int threads = 4;
    int rounds = 5;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<Map<Decision, LongAdder>>> seen = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 733;
        seen.add(pool.submit(() -> {
          Map<Decision, LongAdder> mine = new IdentityHashMap<>();
          start.await();
          for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < decisions.size(); i++) {
              Decision d = decisions.get((i + offset) % decisions.size());
              LongAdder v = table.get(d);
              v.increment();
              LongAdder before = mine.putIfAbsent(d, v);
              assertThat(before == null || before == v).as("one value per decision").isTrue();
            }
          }
          return mine;
        }));
      }
      Map<Decision, LongAdder> first = seen.get(0).get();
      for (java.util.concurrent.Future<Map<Decision, LongAdder>> f : seen) {
        Map<Decision, LongAdder> other = f.get();
        for (Decision d : decisions) {
          assertThat(other.get(d)).as("every thread got the same value").isSameAs(first.get(d));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    for (Decision d : decisions) {
      assertThat(table.get(d).sum()).isEqualTo((long) threads * rounds);
    }
  }
}
