package io.geoscope.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to hurt the reader are refused with a SYNTAX problem, quickly. */
class HostilePolicyFilesTest {
  static final Duration FAST = Duration.ofSeconds(5);

  static PolicyFileProblem refusal(String content, PolicyFormat format) {
    PolicyFileException e =
        assertTimeoutPreemptively(
            FAST,
            () -> catchThrowableOfType(
                PolicyFileException.class,
                () -> PolicyFiles.parse(content, "hostile", format)));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.problems()).hasSize(1);
    PolicyFileProblem p = e.problems().get(0);
    assertThat(p.codeName()).isEqualTo("SYNTAX");
    assertThat(p.location().line()).isPositive();
    return p;
  }

  @Test
  void aBillionLaughsAliasBombIsRefusedAtItsFirstAnchor() throws Exception {
    PolicyFileException e =
        assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(
            PolicyFileException.class,
            () -> PolicyFiles.load(PolicyFilesTest.resource("alias-bomb.yaml"))));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.codeName()).isEqualTo("SYNTAX");
      assertThat(p.message()).contains("anchors");
      assertThat(p.location().line()).isEqualTo(2);
    });
  }

  @Test
  void aliasesAndAnchorsAreRefusedEvenWhenHarmless() {
    String yaml = "geoscope: 1\nrules:\n  - id: a\n    basis: &b {authority: A, home: US, kind: statute, citation: c}\n"
        + "    applies-in: [US]\n    effect: deny-join\n  - id: b\n    basis: *b\n    applies-in: [US]\n    effect: deny-join\n";

    assertThat(refusal(yaml, PolicyFormat.YAML).message()).contains("anchors");
    assertThat(refusal("geoscope: 1\nrules: *nothing\n", PolicyFormat.YAML).message())
        .containsAnyOf("alias", "nothing");
  }

  @Test
  void javaTypeTagsAreRefusedBeforeAnythingIsConstructed() throws Exception {
    PolicyFileException e = catchThrowableOfType(
        PolicyFileException.class,
        () -> PolicyFiles.load(PolicyFilesTest.resource("type-tag.yaml")));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.codeName()).isEqualTo("SYNTAX");
      assertThat(p.message()).contains("tags").contains("javax.script.ScriptEngineManager");
    });
  }

  @Test
  void standardTagsAreRefusedToo() {
    assertThat(refusal("geoscope: !!int 1\nrules: []\n", PolicyFormat.YAML).message()).contains("tags");
    assertThat(refusal("geoscope: 1\nrules: !!set {a: null}\n", PolicyFormat.YAML).message()).contains("tags");
  }

  @Test
  void deepNestingIsRefusedInBothFormats() {
    int depth = 100_000;
    String yaml = "geoscope: 1\nrules: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
    String json = "{\"geoscope\": 1, \"rules\": " + "[".repeat(depth) + "]".repeat(depth) + "}";

    assertThat(refusal(yaml, PolicyFormat.YAML).message()).containsIgnoringCase("depth");
    assertThat(refusal(json, PolicyFormat.JSON).message()).containsIgnoringCase("depth");
  }

  @Test
  void aHugeScalarIsRefused() {
    String huge = "x".repeat(200_000);

    assertThat(refusal("geoscope: 1\nversion: " + huge + "\n", PolicyFormat.YAML).message())
        .containsIgnoringCase("length");
    assertThat(refusal("{\"geoscope\": 1, \"version\": \"" + huge + "\"}", PolicyFormat.JSON).message())
        .containsIgnoringCase("length");
    assertThat(refusal("{\"geoscope\": 1, \"" + huge + "\": 1}", PolicyFormat.JSON).message())
        .containsIgnoringCase("length");
    // SnakeYAML caps keys at 1024 characters itself.
    assertThat(refusal("geoscope: 1\n" + huge + ": 1\n", PolicyFormat.YAML).message())
        .contains("could not find expected ':'");
  }

  @Test
  void aDocumentOverTheSizeCapIsRefusedBeforeParsing() {
    String padded = "geoscope: 1\n" + "#".repeat(PolicyFiles.MAX_FILE_BYTES) + "\n";

    assertThat(refusal(padded, PolicyFormat.YAML).message()).contains("limit");
  }

  @Test
  void aFileOverTheSizeCapIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[PolicyFiles.MAX_FILE_BYTES + 1]);

    PolicyFileException e = catchThrowableOfType(
        PolicyFileException.class, () -> PolicyFiles.load(big));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.codeName()).isEqualTo("SYNTAX");
      assertThat(p.message()).contains("bytes").contains("limit");
    });
  }

  @Test
  void anEndlessFileThatReportsNoSizeIsReadOnlyUpToTheCap(@TempDir Path dir) throws Exception {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "needs /dev/zero");
    Path endless = Files.createSymbolicLink(dir.resolve("endless.yaml"), zero);

    PolicyFileException e;
    try {
      e = assertTimeoutPreemptively(FAST, () -> catchThrowableOfType(
          PolicyFileException.class, () -> PolicyFiles.load(endless)));
    } finally {
      Files.delete(endless);
    }

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.codeName()).isEqualTo("SYNTAX");
      assertThat(p.message()).contains("over the limit");
    });
  }

  @Test
  void aFileThatIsNotUtf8IsRefused(@TempDir Path dir) throws Exception {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "geoscope: 1\nversion: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    PolicyFileException e = catchThrowableOfType(
        PolicyFileException.class, () -> PolicyFiles.load(latin1));

    assertThat(e.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("UTF-8"));
  }

  @Test
  void manyTinyEntriesBeyondTheTokenBudgetAreRefused() {
    String yaml = "geoscope: 1\nrules: [" + "0,".repeat(250_000) + "0]\n";

    assertThat(refusal(yaml, PolicyFormat.YAML).message()).containsIgnoringCase("token");
  }
}
