package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EffectTest {

  @Test
  void noOtherKindOfEffectCanExist() {
    assertThat(Effect.class.isSealed()).isTrue();
    assertThat(Effect.class.getPermittedSubclasses())
        .containsExactlyInAnyOrder(Effect.DenyJoin.class, Effect.Disable.class, Effect.Notice.class);
    for (Class<?> kind : Effect.class.getPermittedSubclasses()) {
      assertThat(Modifier.isFinal(kind.getModifiers())).as(kind.getName()).isTrue();
    }
  }

  @Test
  void eachKindHasItsFileName() {
    assertThat(Effect.denyJoin().kind()).isEqualTo("deny-join");
    assertThat(Effect.disable(EnumSet.of(Feature.CHAT)).kind()).isEqualTo("disable");
    assertThat(Effect.notice("recording-consent").kind()).isEqualTo("notice");
    assertThat(Effect.denyJoin()).isSameAs(Effect.denyJoin());
  }

  @Test
  void disableNeedsAFeatureAndNoticeAKebabCaseKey() {
    assertThatThrownBy(() -> Effect.disable(Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one feature");
    for (String bad : new String[] {"", "Consent", "two words", "trailing-", "-leading", "a--b"}) {
      assertThatThrownBy(() -> Effect.notice(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    assertThat(Effect.notice("data-transfer-2").key()).isEqualTo("data-transfer-2");
  }
}
