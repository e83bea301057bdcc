package io.geoscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Architecture and privacy rules over the main code of every Geoscope module. */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.geoscope");
  }

  @Test
  void theRulesSeeEveryModulesMainCode() {
    // Guards against rules passing vacuously because nothing was imported.
    org.assertj.core.api.Assertions.assertThat(main.contain("io.geoscope.core.DecisionEngine"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(
            main.stream().anyMatch(c -> c.getPackageName().startsWith("io.geoscope.architecture")))
        .isFalse();
  }

  @Test
  void coreDependsOnNoMaxMindLoggingOrMetricsClass() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.geoscope.core..")
            .or()
            .resideInAPackage("io.geoscope.policy..")
            .or()
            .resideInAPackage("io.geoscope.event..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "com.maxmind..",
                "org.slf4j..",
                "org.apache.logging..",
                "org.apache.log4j..",
                "java.util.logging..",
                "ch.qos.logback..",
                "io.micrometer..");
    rule.check(main);
  }

  @Test
  void noMainCodeResolvesHostNames() {
    ArchRule rule =
        noClasses()
            .should()
            .callMethod(java.net.InetAddress.class, "getByName", String.class)
            .orShould()
            .callMethod(java.net.InetAddress.class, "getAllByName", String.class)
            .orShould()
            .callMethod(java.net.InetAddress.class, "getLocalHost")
            .because("an IP string must never trigger a DNS lookup");
    rule.check(main);
  }

  @Test
  void libraryCodeNeverPrints() {
    ArchRule rule =
        noClasses()
            .that()
            // The two applications (the CLI and the server's main) own their process's streams.
            .resideOutsideOfPackages("io.geoscope.cli..", "io.geoscope.server..")
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .orShould()
            .callMethod(Throwable.class, "printStackTrace");
    rule.check(main);
  }

  @Test
  void onlyTheGeoipModuleKnowsMaxMind() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("io.geoscope.geoip..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.maxmind..");
    rule.check(main);
  }

  @Test
  void onlyTheDialInModuleKnowsLibphonenumber() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("io.geoscope.dialin..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.google.i18n.phonenumbers..");
    rule.check(main);
  }

  @Test
  void publicApiDoesNotExposeInternalOrMaxMindTypes() {
    ArchRule rule =
        methods()
            .that()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .resideOutsideOfPackage("..internal..")
            .should()
            .notHaveRawReturnType(
                com.tngtech.archunit.base.DescribedPredicate.describe(
                    "an internal or MaxMind type",
                    (com.tngtech.archunit.core.domain.JavaClass c) ->
                        c.getPackageName().contains(".internal")
                            || c.getPackageName().startsWith("com.maxmind")
                            || c.getPackageName().startsWith("com.google.i18n")));
    rule.check(main);
  }

  @Test
  void noImplementationPackageIsLeft() {
    // Implementation classes are package-private in the API package they serve, so no
    // `internal` package exists for another module (or a careless export) to reach into.
    ArchitectureRules.noInternalPackages().check(main);
  }
}
