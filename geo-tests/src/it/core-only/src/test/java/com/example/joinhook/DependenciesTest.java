package com.example.joinhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DependenciesTest {
  private static final Pattern ARTIFACT = Pattern.compile("^\\s+([\\w.-]+:[\\w.-]+):jar:");

  @Test
  void geoCoreBringsOnlyJSpecify() throws Exception {
    Set<String> runtime = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("target/runtime-dependencies.txt"))) {
      Matcher m = ARTIFACT.matcher(line);
      if (m.find()) {
        runtime.add(m.group(1));
      }
    }
    assertEquals(Set.of("io.geoscope:geo-core", "org.jspecify:jspecify"), runtime);
  }
}
