package io.geoscope.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.geoscope.architecture.fixture.api.Leaky;
import io.geoscope.architecture.fixture.api.Tidy;
import io.geoscope.architecture.fixture.core.Impure;
import io.geoscope.architecture.fixture.core.Pure;
import io.geoscope.architecture.fixture.cycle.a.First;
import io.geoscope.architecture.fixture.cycle.b.Second;
import io.geoscope.architecture.fixture.hidden.Secret;
import io.geoscope.architecture.fixture.nested.api.Facade;
import io.geoscope.architecture.fixture.nested.api.internal.Engine;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each module rule fails on a planted violation and passes on the same shape without it. */
class ArchitectureRulesAreNotVacuousTest {
  private static final String FIXTURE = "io.geoscope.architecture.fixture";
  private static final Set<String> EXPORTED = Set.of(FIXTURE + ".api");

  private static JavaClasses of(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  @Test
  void aHiddenTypeReturnedByAnExportedTypeIsReported() {
    assertThatThrownBy(() -> ArchitectureRules.noHiddenTypeReachableFromTheApi(FIXTURE, EXPORTED)
            .check(of(Leaky.class, Secret.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Leaky exposes " + Secret.class.getName());
  }

  @Test
  void aHiddenTypeUsedOnlyInsideAMethodBodyIsAllowed() {
    assertThatCode(() -> ArchitectureRules.noHiddenTypeReachableFromTheApi(FIXTURE, EXPORTED)
            .check(of(Tidy.class, Secret.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void aCycleBetweenTwoPackagesIsReported() {
    assertThatThrownBy(() -> ArchitectureRules.noPackageCycles(FIXTURE + ".cycle")
            .check(of(First.class, Second.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected");
  }

  @Test
  void aCycleBetweenAnApiPackageAndItsOwnInternalPackageIsReported() {
    assertThatThrownBy(() -> ArchitectureRules.noPackageCycles(FIXTURE + ".nested")
            .check(of(Facade.class, Engine.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected");
  }

  @Test
  void aOneWayDependencyIsNoCycle() {
    assertThatCode(() -> ArchitectureRules.noPackageCycles(FIXTURE)
            .check(of(Tidy.class, Secret.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void aCoreClassUsingALibraryIsReported() {
    assertThatThrownBy(() -> ArchitectureRules.onlyJdkAndJSpecify(FIXTURE + ".core")
            .check(of(Impure.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("com.tngtech.archunit");
  }

  @Test
  void aCoreClassUsingTheJdkAndJSpecifyOnlyPasses() {
    assertThatCode(() -> ArchitectureRules.onlyJdkAndJSpecify(FIXTURE + ".core")
            .check(of(Pure.class)))
        .doesNotThrowAnyException();
  }
}
