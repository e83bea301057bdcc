package io.geoscope.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JPMS rules over every published module's main code, with the exported packages read from
 * the real module descriptors (target/classes/module-info.class), not listed by hand.
 */
class ModuleArchitectureTest {
  /** Every published module: a new one must add its module-info and its name here. */
  private static final Set<String> PUBLISHED = Set.of(
      "io.geoscope.core", "io.geoscope.policy", "io.geoscope.geoip", "io.geoscope.geoip.writer",
      "io.geoscope.micrometer", "io.geoscope.testkit", "io.geoscope.dialin", "io.geoscope.server",
      "io.geoscope.areas");

  private static JavaClasses main;
  private static Map<String, ModuleDescriptor> modules;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.geoscope");
    modules = ArchitectureRules.geoscopeModules();
  }

  @Test
  void everyPublishedModuleHasADescriptorThatExportsNoInternalPackage() {
    assertThat(modules.keySet()).containsAll(PUBLISHED);
    assertThat(ArchitectureRules.exportedPackages(modules.values()))
        .isNotEmpty()
        .noneMatch(p -> p.contains(".internal") || p.contains(".shaded"));
  }

  @Test
  void noTypeOfANonExportedPackageIsReachableFromTheApi() {
    Set<String> exported = ArchitectureRules.exportedPackages(modules.values());
    assertThat(main.stream().filter(c -> exported.contains(c.getPackageName()))).isNotEmpty();
    ArchitectureRules.noHiddenTypeReachableFromTheApi("io.geoscope", exported).check(main);
  }

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles("io.geoscope").check(main);
  }

  @Test
  void geoCoreUsesNothingButTheJdkAndJSpecify() {
    ModuleDescriptor core = modules.get("io.geoscope.core");
    assertThat(core.requires())
        .allMatch(r -> r.name().equals("java.base") || r.name().equals("org.jspecify"));
    ArchitectureRules.onlyJdkAndJSpecify(core.packages().toArray(String[]::new)).check(main);
  }
}
