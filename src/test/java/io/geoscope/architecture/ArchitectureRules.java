package io.geoscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The module rules, parameterised so each can also be run against a planted violation (see
 * {@code ArchitectureRulesAreNotVacuousTest}).
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** Every Geoscope module descriptor on the test class path, by module name. */
  static TreeMap<String, ModuleDescriptor> geoscopeModules() {
    TreeMap<String, ModuleDescriptor> modules = new TreeMap<>();
    try {
      Enumeration<URL> found =
          ArchitectureRules.class.getClassLoader().getResources("module-info.class");
      while (found.hasMoreElements()) {
        try (InputStream in = found.nextElement().openStream()) {
          ModuleDescriptor d = ModuleDescriptor.read(in);
          if (d.name().startsWith("io.geoscope.")) {
            modules.put(d.name(), d);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return modules;
  }

  /** The packages the given descriptors export to everyone. */
  static Set<String> exportedPackages(Iterable<ModuleDescriptor> modules) {
    Set<String> exported = new TreeSet<>();
    for (ModuleDescriptor d : modules) {
      for (ModuleDescriptor.Exports e : d.exports()) {
        if (!e.isQualified()) {
          exported.add(e.source());
        }
      }
    }
    return exported;
  }

  /**
   * Public types in exported packages expose, through supertypes, public or protected fields,
   * parameters, return types and their type arguments, no type of {@code ownRoot} outside an
   * exported package, and no MaxMind type.
   */
  static ArchRule noHiddenTypeReachableFromTheApi(String ownRoot, Set<String> exported) {
    return classes()
        .that()
        .arePublic()
        .and()
        .resideInAnyPackage(exported.toArray(String[]::new))
        .should(exposeOnly(ownRoot, exported));
  }

  private static ArchCondition<JavaClass> exposeOnly(String ownRoot, Set<String> exported) {
    return new ArchCondition<>("expose no type of a non-exported package") {
      @Override
      public void check(JavaClass api, ConditionEvents events) {
        List<JavaType> exposed = new ArrayList<>();
        api.getRawSuperclass().ifPresent(exposed::add);
        exposed.addAll(api.getInterfaces());
        for (JavaField f : api.getFields()) {
          if (visible(f.getModifiers())) {
            exposed.add(f.getType());
          }
        }
        for (JavaCodeUnit m : api.getCodeUnits()) {
          if (visible(m.getModifiers())) {
            exposed.add(m.getReturnType());
            exposed.addAll(m.getParameterTypes());
          }
        }
        for (JavaType t : exposed) {
          for (JavaClass raw : t.getAllInvolvedRawTypes()) {
            String pkg = raw.getPackageName();
            boolean hidden = pkg.startsWith(ownRoot) && !exported.contains(pkg);
            if (hidden || pkg.startsWith("com.maxmind")) {
              events.add(SimpleConditionEvent.violated(api,
                  api.getName() + " exposes " + raw.getName() + " from a non-exported package"));
            }
          }
        }
      }
    };
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  /**
   * No cycle between any two packages under {@code root}: each package is its own slice, so an
   * API package and an implementation package that call each other are a cycle too (which is why
   * implementation classes live, package-private, in the API package they serve).
   */
  static ArchRule noPackageCycles(String root) {
    return slices().matching(root + ".(**)").should().beFreeOfCycles();
  }

  /** Classes in {@code ownPackages} depend on the JDK, JSpecify and each other only. */
  static ArchRule onlyJdkAndJSpecify(String... ownPackages) {
    List<String> allowed = new ArrayList<>(List.of("java..", "org.jspecify.."));
    for (String p : ownPackages) {
      allowed.add(p + "..");
    }
    String[] own = new String[ownPackages.length];
    for (int i = 0; i < own.length; i++) {
      own[i] = ownPackages[i] + "..";
    }
    return classes()
        .that()
        .resideInAnyPackage(own)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(allowed.toArray(String[]::new));
  }
}
