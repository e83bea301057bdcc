package io.geoscope.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.geoscope.core.Jurisdiction;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Fuzzing by property: valid GeoJSON boundaries, mutated byte-wise and structurally, either
 * validate cleanly and compile, or give problems of the documented kinds only, each with a path and
 * a message; nothing throws.
 */
class MutatedGeoJsonTest {
  static final String[] SEEDS = {
    Boundaries.rectangle(36, 47, 38, 48),
    Boundaries.regular(37, 47.5, 0.5, 12),
    Boundaries.polygon(Boundaries.ring(36, 47, 38, 47, 38, 49, 36, 49),
        Boundaries.ring(36.5, 47.5, 37.5, 47.5, 37.5, 48.5, 36.5, 48.5)),
    "{\"type\":\"Feature\",\"properties\":{\"a\":[1,{\"b\":null}]},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[["
        + Boundaries.ring(36, 47, 37, 47, 37, 48, 36, 48) + "],[" + Boundaries.ring(38, 47, 39, 47, 39, 48, 38, 48) + "]]}}",
  };
  static final String TOKENS = "[]{},:.-+e0123456789\"\\ ntfalsePolygonMultiFeaturetypecoordinates";

  /** One mutation: kind, position and a token choice. */
  record Mutation(int kind, int at, int token) {
    String apply(String s) {
      int i = s.isEmpty() ? 0 : Math.floorMod(at, s.length());
      char t = TOKENS.charAt(Math.floorMod(token, TOKENS.length()));
      switch (kind) {
        case 0: return s.substring(0, i) + s.substring(Math.min(s.length(), i + 1));
        case 1: return s.substring(0, i) + t + s.substring(i);
        case 2: return s.substring(0, i) + t + s.substring(Math.min(s.length(), i + 1));
        case 3: { // duplicate a span
          int j = Math.min(s.length(), i + 1 + Math.floorMod(token, 40));
          return s.substring(0, j) + s.substring(i, j) + s.substring(j);
        }
        case 4: { // change a number
          int d = s.indexOf('.', i);
          return d < 0 ? s : s.substring(0, d) + (token % 7) + s.substring(d);
        }
        default: // cut the tail
          return s.substring(0, i);
      }
    }
  }

  static Gen<Mutation> mutations() {
    return integers().between(0, 5).zip(integers().all(), integers().all(), Mutation::new);
  }

  @Test
  void mutatedGeoJsonGivesOnlyDocumentedProblemsOrAUsableArea() {
    EnumSet<AreaProblem.Code> documented = EnumSet.allOf(AreaProblem.Code.class);
    documented.removeAll(EnumSet.of(AreaProblem.Code.BAD_FIELD, AreaProblem.Code.DUPLICATE_AREA_ID,
        AreaProblem.Code.BAD_COUNTRY, AreaProblem.Code.NO_DEFINITION, AreaProblem.Code.BAD_POSTAL_CODE,
        AreaProblem.Code.TOO_MANY_POSTAL_CODES));
    EnumSet<AreaProblem.Code> seen = EnumSet.noneOf(AreaProblem.Code.class);
    int[] usable = {0};
    qt().withExamples(1000)
        .forAll(integers().between(0, SEEDS.length - 1), lists().of(mutations()).ofSizeBetween(1, 6))
        .checkAssert((seed, ms) -> {
          String text = SEEDS[seed];
          for (Mutation m : ms) {
            text = m.apply(text);
          }
          Area a = Area.builder("fuzz").name("F").country(Jurisdiction.of("UA")).source("s").boundary(text).build();
          List<AreaProblem> problems = AreaValidator.validate(a);
          for (AreaProblem p : problems) {
            assertThat(documented).contains(p.code());
            assertThat(p.path()).startsWith("boundary");
            assertThat(p.message()).isNotBlank();
            seen.add(p.code());
          }
          if (problems.isEmpty()) {
            try {
              AreaSet s = AreaSet.compile(List.of(a));
              assertThat(s.place(0, Jurisdiction.of("UA"), null, 47.5, 37.5, 10)).isNotNull();
              usable[0]++;
            } catch (AreaException e) {
              throw new AssertionError("validated but did not compile", e);
            }
          }
        });
    // Not vacuous: the mutations reach both outcomes and several kinds of problem.
    assertThat(usable[0]).isPositive();
    assertThat(seen).contains(AreaProblem.Code.INVALID_GEOJSON, AreaProblem.Code.BAD_COORDINATES);
    assertThat(seen.size()).isGreaterThanOrEqualTo(4);
  }
}
