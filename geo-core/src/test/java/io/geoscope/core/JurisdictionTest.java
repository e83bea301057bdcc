package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JurisdictionTest {

  @Test
  void theCountryListIsIso3166AlphaTwoPlusKosovo() {
    List<Jurisdiction> countries = Jurisdiction.countries();

    // ISO 3166-1 has 249 officially assigned alpha-2 codes; XK is the one user-assigned addition.
    assertThat(countries).hasSize(250);
    assertThat(countries).extracting(Jurisdiction::code)
        .contains("XK", "CN", "HK", "MO", "TW", "US", "DE", "IR", "KP", "SS", "BQ", "CW", "SX")
        .doesNotContain("UK", "EU", "AN", "YU", "CS")
        .isSorted()
        .allMatch(code -> code.matches("[A-Z]{2}"));
    assertThat(countries).allSatisfy(j -> {
      assertThat(j.kind()).isEqualTo(Jurisdiction.Kind.COUNTRY);
      assertThat(j.country()).isSameAs(j);
      assertThat(Jurisdiction.country(j.code())).isSameAs(j);
    });
  }

  @Test
  void hongKongMacaoAndTaiwanAreNotWithinChina() {
    Jurisdiction cn = Jurisdiction.country("CN");
    for (String code : List.of("HK", "MO", "TW")) {
      Jurisdiction j = Jurisdiction.country(code);
      assertThat(j.within(cn)).as(code).isFalse();
      assertThat(cn.within(j)).as(code).isFalse();
      assertThat(j.country()).as(code).isSameAs(j);
    }
  }

  @Test
  void aSubdivisionLiesWithinItsCountryButNotTheReverse() {
    Jurisdiction us = Jurisdiction.country("US");
    Jurisdiction california = Jurisdiction.of("US-CA");
    Jurisdiction canada = Jurisdiction.country("CA");

    assertThat(california.within(us)).isTrue();
    assertThat(california.within(california)).isTrue();
    assertThat(us.within(california)).isFalse();
    assertThat(california.within(canada)).isFalse();
    assertThat(california.within(Jurisdiction.of("US-NY"))).isFalse();
    assertThat(california.country()).isSameAs(us);
    assertThat(california.isSubdivision()).isTrue();
    assertThat(Jurisdiction.of("CN-JL").within(Jurisdiction.country("CN"))).isTrue();
  }

  @Test
  void unknownLiesWithinNothingAndCarriesItsReason() {
    for (UnknownReason reason : UnknownReason.values()) {
      Jurisdiction unknown = Jurisdiction.unknown(reason);
      assertThat(unknown.isKnown()).isFalse();
      assertThat(unknown.unknownReason()).contains(reason);
      assertThat(unknown.code()).isEqualTo("unknown:" + reason.code());
      assertThat(unknown.within(unknown)).isFalse();
      assertThat(unknown.within(Jurisdiction.country("US"))).isFalse();
      assertThat(Jurisdiction.country("US").within(unknown)).isFalse();
      assertThat(Jurisdiction.unknown(reason)).isSameAs(unknown);
    }
    assertThat(Jurisdiction.country("US").unknownReason()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "us", "USA", "ZZ", "UK", "U1", "XX-CA", "US-", "US-ABCD", "US-ca", "U-CA",
          "USA-CA", "US-C A", "-CA"})
  void aBadCodeIsRejectedWithAMessageNamingIt(String code) {
    assertThatThrownBy(() -> Jurisdiction.of(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + code + "'");
  }

  @Test
  void aSubdivisionNeedsACountryAsParent() {
    assertThatThrownBy(() -> Jurisdiction.subdivision(Jurisdiction.of("US-CA"), "X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("US-CA");
    assertThatThrownBy(() -> Jurisdiction.subdivision(Jurisdiction.country("US"), "c"))
        .hasMessageContaining("'US-c'");
    assertThat(Jurisdiction.findCountry("ZZ")).isNull();
    assertThat(Jurisdiction.findCountry("us")).isNull();
    assertThat(Jurisdiction.findCountry(new StringBuilder("DE")))
        .isSameAs(Jurisdiction.country("DE"));
  }

  @Test
  void equalJurisdictionsAreTheSameObjectWithTheSameIndex() {
    Jurisdiction a = Jurisdiction.of("UA-43");
    Jurisdiction b = Jurisdiction.subdivision(Jurisdiction.country("UA"), "43");
    Jurisdiction c = Jurisdiction.subdivision(new String("UA-43"));

    assertThat(b).isSameAs(a);
    assertThat(c).isSameAs(a);
    assertThat(Jurisdiction.of("DE")).isSameAs(Jurisdiction.country("DE"));

    Set<Integer> indexes = new HashSet<>();
    for (Jurisdiction j : Jurisdiction.countries()) {
      indexes.add(j.index());
    }
    indexes.add(a.index());
    for (UnknownReason r : UnknownReason.values()) {
      indexes.add(Jurisdiction.unknown(r).index());
    }
    assertThat(indexes).hasSize(250 + 1 + UnknownReason.values().length);
    assertThat(indexes).allMatch(i -> i >= 0 && i < Jurisdiction.indexBound());
  }

  @Test
  void countriesAndUnknownReasonsHaveTheLowestIndexes() {
    int bound = Jurisdiction.countries().size() + UnknownReason.values().length;
    assertThat(Jurisdiction.countries()).allMatch(j -> j.index() < bound);
    assertThat(Jurisdiction.of("GB-SCT").index()).isGreaterThanOrEqualTo(bound);
  }
}
