package io.geoscope.areas;

import static io.geoscope.areas.Boundaries.polygon;
import static io.geoscope.areas.Boundaries.pos;
import static io.geoscope.areas.Boundaries.rectangle;
import static io.geoscope.areas.Boundaries.regular;
import static io.geoscope.areas.Boundaries.ring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.geoscope.areas.AreaProblem.Code;
import io.geoscope.core.Jurisdiction;
import java.util.List;
import org.junit.jupiter.api.Test;

class AreaValidatorTest {
  static final Jurisdiction UA = Jurisdiction.of("UA");

  static Area.Builder area(String boundary) {
    return Area.builder("zone-a").name("Zone A").country(UA).source("test").boundary(boundary);
  }

  static List<AreaProblem> problems(String boundary) {
    return AreaValidator.validate(area(boundary).build());
  }

  @Test
  void aSimpleClosedPolygonInsideItsCountryHasNoProblems() {
    assertThat(problems(rectangle(36, 47, 38, 48))).isEmpty();
    assertThat(problems(regular(37, 47.5, 0.5, 5_000))).isEmpty();
  }

  @Test
  void aSelfIntersectingRingIsRefusedNearTheCrossing() {
    List<AreaProblem> p = problems(polygon(ring(36, 47, 38, 48, 38, 47, 36, 48)));
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo(Code.SELF_INTERSECTING);
      assertThat(x.message()).contains("[37.0, 47.5]");
    });
  }

  @Test
  void anUnclosedRingIsRefusedAtItsLastPosition() {
    String open = "[" + pos(36, 47) + "," + pos(38, 47) + "," + pos(38, 48) + "," + pos(36, 48) + "]";
    assertThat(problems(polygon(open)))
        .singleElement()
        .satisfies(x -> {
          assertThat(x.code()).isEqualTo(Code.UNCLOSED_RING);
          assertThat(x.path()).isEqualTo("boundary.coordinates[0][3]");
        });
  }

  @Test
  void aBoundaryWithMoreVerticesThanTheCapIsRefusedOnce() {
    List<AreaProblem> p = problems(regular(37, 47.5, 0.5, AreaValidator.MAX_VERTICES));
    assertThat(p).singleElement().extracting(AreaProblem::code).isEqualTo(Code.TOO_MANY_VERTICES);
    assertThat(problems(regular(37, 47.5, 0.5, AreaValidator.MAX_VERTICES - 1))).isEmpty();
  }

  @Test
  void aBoundaryOutsideTheCountrysBoundingBoxIsRefused() {
    // Drawn around Berlin but declared in Ukraine: the typo the box is there to catch.
    assertThat(problems(rectangle(13, 52, 14, 53)))
        .singleElement()
        .satisfies(x -> {
          assertThat(x.code()).isEqualTo(Code.OUTSIDE_COUNTRY);
          assertThat(x.message()).contains("UA");
        });
    // Swapped latitude and longitude.
    assertThat(problems(rectangle(47, 36, 48, 38)))
        .extracting(AreaProblem::code)
        .containsExactly(Code.OUTSIDE_COUNTRY);
  }

  @Test
  void degenerateAndMalformedBoundariesNameWhatIsWrong() {
    assertThat(codes(polygon(ring(36, 47, 37, 47, 38, 47)))).containsExactly(Code.EMPTY_BOUNDARY);
    assertThat(codes(polygon("[" + pos(36, 47) + "," + pos(37, 47) + "," + pos(36, 47) + "]")))
        .containsExactly(Code.TOO_FEW_POINTS);
    assertThat(codes("{\"type\":\"Polygon\",\"coordinates\":[]}")).containsExactly(Code.TOO_FEW_POINTS);
    assertThat(codes("{\"type\":\"MultiPolygon\",\"coordinates\":[]}"))
        .containsExactly(Code.TOO_FEW_POINTS);
    assertThat(codes("{\"type\":\"Point\",\"coordinates\":[37,47]}")).containsExactly(Code.NOT_A_POLYGON);
    assertThat(codes("[1,2]")).containsExactly(Code.NOT_A_POLYGON);
    assertThat(codes("{\"type\":\"Feature\",\"geometry\":null}")).containsExactly(Code.NOT_A_POLYGON);
    assertThat(codes("{\"type\":\"Polygon\"}")).containsExactly(Code.BAD_COORDINATES);
    assertThat(codes("{\"type\":\"Polygon\",\"coordinates\":[[[37,\"x\"]]]}"))
        .containsExactly(Code.BAD_COORDINATES);
    assertThat(codes("{\"type\":\"Polygon\",\"coordinates\":[[[37]]]}"))
        .containsExactly(Code.BAD_COORDINATES);
    assertThat(codes("{\"type\":\"Polygon\",\"coordinates\":[7]}")).containsExactly(Code.BAD_COORDINATES);
    assertThat(codes("{\"type\":\"Polygon\",\"coordinates\":[[7]]}")).containsExactly(Code.BAD_COORDINATES);
    assertThat(codes(rectangle(36, 47, 190, 48))).containsExactly(Code.COORDINATE_OUT_OF_RANGE, Code.COORDINATE_OUT_OF_RANGE);
    assertThat(codes("{\"type\":\"Polygon\",")).containsExactly(Code.INVALID_GEOJSON);
    assertThat(codes("{\"type\":\"Polygon\",\"type\":\"Polygon\"}")).containsExactly(Code.INVALID_GEOJSON);
    assertThat(codes(rectangle(36, 47, 38, 48) + " {}")).containsExactly(Code.INVALID_GEOJSON);
    assertThat(codes("[".repeat(100))).containsExactly(Code.INVALID_GEOJSON);
  }

  @Test
  void aHoleOutsideItsShellIsAnInvalidGeometry() {
    String shell = ring(36, 47, 37, 47, 37, 48, 36, 48);
    String hole = ring(38, 47, 38.5, 47, 38.5, 47.5, 38, 47.5);
    assertThat(codes(polygon(shell, hole))).containsExactly(Code.INVALID_GEOMETRY);
  }

  @Test
  void aFeatureWrappingAMultiPolygonIsAccepted() {
    String multi =
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[["
            + ring(36, 47, 37, 47, 37, 48, 36, 48)
            + "],["
            + ring(38, 47, 39, 47, 39, 48, 38, 48)
            + "]]}}";
    assertThat(problems(multi)).isEmpty();
  }

  @Test
  void everyProblemOfOneAreaIsReportedNotOnlyTheFirst() {
    Area bad =
        Area.builder("Bad Id")
            .name(" ")
            .country(UA)
            .subdivision(Jurisdiction.of("DE-BE"))
            .source("")
            .postalCodes(List.of("83000", "!!"))
            .postalPrefixes(List.of("1234567890123"))
            .boundary(polygon(ring(36, 47, 38, 48, 38, 47, 36, 48)))
            .build();
    assertThat(AreaValidator.validate(bad))
        .extracting(AreaProblem::code, AreaProblem::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Code.BAD_FIELD, "id"),
            org.assertj.core.groups.Tuple.tuple(Code.BAD_FIELD, "name"),
            org.assertj.core.groups.Tuple.tuple(Code.BAD_FIELD, "source"),
            org.assertj.core.groups.Tuple.tuple(Code.BAD_COUNTRY, "subdivision"),
            org.assertj.core.groups.Tuple.tuple(Code.BAD_POSTAL_CODE, "postal-codes[1]"),
            org.assertj.core.groups.Tuple.tuple(Code.BAD_POSTAL_CODE, "postal-code-prefixes[0]"),
            org.assertj.core.groups.Tuple.tuple(Code.SELF_INTERSECTING, "boundary"));
  }

  @Test
  void anAreaNeedsADefinitionAndAUniqueIdAndACountry() {
    Area empty = Area.builder("empty").name("E").country(UA).source("s").build();
    assertThat(AreaValidator.validate(empty)).extracting(AreaProblem::code).containsExactly(Code.NO_DEFINITION);
    Area codes = Area.builder("codes").name("C").country(UA).source("s").postalCodes(List.of("83000")).build();
    assertThat(AreaValidator.validate(List.of(codes, codes)))
        .extracting(AreaProblem::code)
        .containsExactly(Code.DUPLICATE_AREA_ID);
    Area sub = Area.builder("sub").name("S").country(Jurisdiction.of("UA-14")).source("s").postalCodes(List.of("1")).build();
    assertThat(AreaValidator.validate(sub)).extracting(AreaProblem::code).containsExactly(Code.BAD_COUNTRY);
    Area tooMany =
        Area.builder("many").name("M").country(UA).source("s")
            .postalPrefixes(java.util.Collections.nCopies(AreaValidator.MAX_POSTAL_CODES + 1, "8"))
            .build();
    assertThat(AreaValidator.validate(tooMany)).extracting(AreaProblem::code).containsExactly(Code.TOO_MANY_POSTAL_CODES);
  }

  @Test
  void compilingRefusesWithEveryProblemAndNamesThemInTheMessage() {
    Area bad = area(rectangle(13, 52, 14, 53)).build();
    assertThatThrownBy(() -> AreaSet.compile(List.of(bad)))
        .isInstanceOfSatisfying(AreaException.class, e -> {
          assertThat(e.problems()).extracting(AreaProblem::code).containsExactly(Code.OUTSIDE_COUNTRY);
          assertThat(e.getMessage()).contains("OUTSIDE_COUNTRY in area 'zone-a' at boundary");
        });
    assertThatThrownBy(() -> new AreaException(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overlongTextIsRefusedBeforeParsing() {
    String huge = " ".repeat(AreaValidator.MAX_GEOJSON_CHARS + 1);
    assertThat(codes(huge)).containsExactly(Code.INVALID_GEOJSON);
  }

  static List<Code> codes(String boundary) {
    return problems(boundary).stream().map(AreaProblem::code).toList();
  }
}
