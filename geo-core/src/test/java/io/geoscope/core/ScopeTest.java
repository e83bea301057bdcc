package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void aCountryMemberCoversItsSubdivisionsButASubdivisionMemberCoversOnlyItself() {
    Scope china = Scope.of("CN");
    Scope jilin = Scope.of("CN-JL");

    assertThat(china.covers(Jurisdiction.of("CN"))).isTrue();
    assertThat(china.covers(Jurisdiction.of("CN-JL"))).isTrue();
    assertThat(china.covers(Jurisdiction.of("HK"))).isFalse();
    assertThat(jilin.covers(Jurisdiction.of("CN-JL"))).isTrue();
    assertThat(jilin.covers(Jurisdiction.of("CN"))).isFalse();
    assertThat(jilin.covers(Jurisdiction.of("CN-BJ"))).isFalse();
    assertThat(china.covers(Jurisdiction.unknown(UnknownReason.ANONYMIZER))).isFalse();
  }

  @Test
  void withinHoldsWhenEveryMemberIsCovered() {
    assertThat(Scope.of("CN-JL", "CN-BJ").within(Scope.of("CN"))).isTrue();
    assertThat(Scope.of("CN", "HK").within(Scope.of("CN"))).isFalse();
    assertThat(Scope.of("CN").within(Scope.of("CN-JL"))).isFalse();
  }

  @Test
  void aScopeNamesAtLeastOneKnownPlaceAndHasNoWildcard() {
    assertThatThrownBy(() -> new Scope(Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> new Scope(Set.of(Jurisdiction.unknown(UnknownReason.NOT_FOUND))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown:not-found");
    for (String wildcard : List.of("*", "ALL", "world")) {
      assertThatThrownBy(() -> Scope.of(wildcard)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void equalityIgnoresOrder() {
    assertThat(Scope.of("US-CA", "US-WA")).isEqualTo(Scope.of("US-WA", "US-CA"));
    assertThat(Scope.of("US-CA", "US-WA").hashCode()).isEqualTo(Scope.of("US-WA", "US-CA").hashCode());
  }
}
