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
}
