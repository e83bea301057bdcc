package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.geoscope.areas.Area;
import io.geoscope.areas.AreaSet;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.Effect;
import io.geoscope.core.Evidence;
import io.geoscope.core.InstrumentKind;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LegalBasis;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Meeting;
import io.geoscope.core.Operator;
import io.geoscope.core.Policy;
import io.geoscope.core.Rule;
import io.geoscope.core.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's decision-level properties over generated postal-code layouts: a 10 x 10 grid of
 * postal-code cells (0.1 degree each) in Ukraine, an area of a random block of cells given once as
 * the block's boundary and once as the cells' postal codes, and participants at random cells (a
 * 1 km circle at the cell's centre, with the cell's code). The real engine decides the same for
 * both definitions, and a rule on the area never touches a participant in another country.
 */
class AreaDecisionPropertiesTest {
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  static final Jurisdiction UA = Jurisdiction.of("UA");
  static final double LON0 = 30.0;
  static final double LAT0 = 49.0;
  static final double CELL = 0.1;

  static String code(int i, int j) {
    return "C" + i + j;
  }

  static DecisionEngine engine(AreaSet areas) {
    LegalBasis ofac = LegalBasis.builder().authority("OFAC").kind(InstrumentKind.SANCTIONS)
        .citation("EO 14065 (generated area)")
        .extraterritorial("US sanctions bind the US provider for users located in the area")
        .build();
    return DecisionEngine.builder(Policy.builder("generated")
        .operator(Operator.of("Example Meetings Inc.", "US")).areas(areas)
        .rule(Rule.builder("area-deny").basis(ofac)
            .appliesIn(Scope.ofAreas(areas.refs().get(0))).effect(Effect.denyJoin()).build())
        .build()).build();
  }

  static AreaSet compile(Area area) {
    try {
      return AreaSet.compile(List.of(area));
    } catch (io.geoscope.areas.AreaException e) {
      throw new IllegalStateException("a generated area is valid: " + e.problems(), e);
    }
  }

  @Test
  void theDecisionIsTheSameWhetherTheAreaIsABoundaryOrTheEquivalentPostalCodes() {
    qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      int i0 = r.nextInt(10);
      int i1 = i0 + r.nextInt(10 - i0);
      int j0 = r.nextInt(10);
      int j1 = j0 + r.nextInt(10 - j0);
      double w = LON0 + i0 * CELL;
      double e = LON0 + (i1 + 1) * CELL;
      double s = LAT0 + j0 * CELL;
      double n = LAT0 + (j1 + 1) * CELL;
      String boundary = String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":"
          + "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}", w, s, e, s, e, n, w, n, w, s);
      List<String> codes = new ArrayList<>();
      for (int i = i0; i <= i1; i++) {
        for (int j = j0; j <= j1; j++) {
          codes.add(code(i, j));
        }
      }
      AreaSet byBoundary = compile(Area.builder("block").name("Block")
          .country(UA).source("generated").boundary(boundary).build());
      AreaSet byCodes = compile(Area.builder("block").name("Block")
          .country(UA).source("generated").postalCodes(codes).build());
      DecisionEngine a = engine(byBoundary);
      DecisionEngine b = engine(byCodes);
      for (int k = 0; k < 5; k++) {
        int i = r.nextInt(10);
        int j = r.nextInt(10);
        String postal = code(i, j);
        double lon = LON0 + (i + 0.5) * CELL;
        double lat = LAT0 + (j + 0.5) * CELL;
        Evidence base = Evidence.of(Jurisdiction.of("UA-30"), LocationSource.IP_GEOLOCATION, "t");
        Decision viaBoundary = a.decide(
            base.withAreas(byBoundary.place(base.jurisdiction(), postal, lat, lon, 1)),
            Meeting.plain(), NOW);
        Decision viaCodes = b.decide(
            base.withAreas(byCodes.place(base.jurisdiction(), postal, lat, lon, 1)),
            Meeting.plain(), NOW);
        boolean inBlock = i >= i0 && i <= i1 && j >= j0 && j <= j1;
        assertThat(viaBoundary.outcome()).as("cell %d,%d block %d-%d x %d-%d", i, j, i0, i1, j0, j1)
            .isEqualTo(viaCodes.outcome());
        assertThat(viaBoundary.admitted()).isEqualTo(!inBlock);
        // Elsewhere the same claims change nothing: the area is in Ukraine.
        Evidence abroad = Evidence.of(Jurisdiction.of("PL"), LocationSource.IP_GEOLOCATION, "t")
            .withAreas(byCodes.place(UA, postal, lat, lon, 1));
        assertThat(b.decide(abroad, Meeting.plain(), NOW).admitted()).isTrue();
      }
    });
  }
}
