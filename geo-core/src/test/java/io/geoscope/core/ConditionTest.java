package io.geoscope.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionTest {

  private static Meeting meeting(Set<String> tags, Set<Feature> features) {
    return new Meeting(tags, features);
  }

  @Test
  void alwaysMatchesEveryMeeting() {
    assertThat(Condition.always().isAlways()).isTrue();
    assertThat(Condition.always().matches(Meeting.plain())).isTrue();
    assertThat(Condition.always().matches(meeting(Set.of("x"), EnumSet.allOf(Feature.class))))
        .isTrue();
  }

  @Test
  void tagsAnyNeedsOneOfTheTags() {
    Condition c = new Condition(Set.of("june-fourth", "tiananmen"), Set.of(), Set.of());

    assertThat(c.isAlways()).isFalse();
    assertThat(c.matches(Meeting.tagged("tiananmen", "public"))).isTrue();
    assertThat(c.matches(Meeting.tagged("public"))).isFalse();
    assertThat(c.matches(Meeting.plain())).isFalse();
  }

  @Test
  void anyTagIsTheTagsAnyCondition() {
    assertThat(Condition.anyTag("a", "b")).isEqualTo(new Condition(Set.of("a", "b"), Set.of(), Set.of()));
    assertThatThrownBy(() -> Condition.anyTag()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Condition.anyTag(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tagsAllNeedsEveryTag() {
    Condition c = new Condition(Set.of(), Set.of("election", "public"), Set.of());

    assertThat(c.matches(Meeting.tagged("election", "public", "internal"))).isTrue();
    assertThat(c.matches(Meeting.tagged("election"))).isFalse();
  }

  @Test
  void featuresAnyNeedsOneOfTheFeaturesInUse() {
    Condition c = new Condition(Set.of(), Set.of(), EnumSet.of(Feature.RECORDING, Feature.CHAT));

    assertThat(c.matches(meeting(Set.of(), EnumSet.of(Feature.CHAT, Feature.VIDEO)))).isTrue();
    assertThat(c.matches(meeting(Set.of(), EnumSet.of(Feature.VIDEO)))).isFalse();
  }

  @Test
  void everyPartMustHold() {
    Condition c =
        new Condition(Set.of("a", "b"), Set.of("c"), EnumSet.of(Feature.RECORDING));

    assertThat(c.matches(meeting(Set.of("a", "c"), EnumSet.of(Feature.RECORDING)))).isTrue();
    assertThat(c.matches(meeting(Set.of("c"), EnumSet.of(Feature.RECORDING)))).isFalse();
    assertThat(c.matches(meeting(Set.of("a"), EnumSet.of(Feature.RECORDING)))).isFalse();
    assertThat(c.matches(meeting(Set.of("a", "c"), EnumSet.of(Feature.CHAT)))).isFalse();
  }

  @Test
  void aBlankTagIsRejected() {
    assertThatThrownBy(() -> new Condition(Set.of(" "), Set.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> new Condition(Set.of(), Set.of(""), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
