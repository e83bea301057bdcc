package io.geoscope.core;

import static io.geoscope.core.Fixtures.NOW;
import static io.geoscope.core.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class DecisionMessagesTest {
  private static final DecisionEngine ENGINE = engine();

  private static DecisionEngine engine() {
    try {
      return DecisionEngine.builder(Policy.builder("v1").operator(Fixtures.OPERATOR)
          .rule(Rule.builder("cn-deny").basis(Fixtures.cybersecurityLaw()).appliesIn("CN")
              .effect(Effect.denyJoin()).build())
          .rule(Rule.builder("ir-notice").basis(Fixtures.iranSanctions()).appliesIn("IR")
              .effect(Effect.notice("recording-consent")).build())
          .build()).build();
    } catch (PolicyValidationException e) {
      throw new AssertionError(e);
    }
  }

  private static Decision decide(String where) {
    return ENGINE.decide(at("p", Role.ATTENDEE, where), Meeting.plain(), NOW);
  }

  @Test
  void theDeniedPersonReadsThePlaceAndTheLawInEnglishFrenchAndGerman() {
    Decision beijing = decide("CN-BJ");
    String citation = Fixtures.cybersecurityLaw().citation();

    assertThat(DecisionMessages.forLocale(Locale.ENGLISH).reason(beijing))
        .isEqualTo("Joining is not available from Beijing, China, under " + citation + ".");
    assertThat(DecisionMessages.forLocale(Locale.FRENCH).reason(beijing))
        .isEqualTo("Il n'est pas possible de rejoindre la réunion depuis Pékin, Chine, en vertu de "
            + citation + ".");
    assertThat(DecisionMessages.forLocale(Locale.GERMAN).reason(beijing))
        .isEqualTo("Die Teilnahme ist aus Peking, China nicht möglich, nach " + citation + ".");
  }

  @Test
  void aLimitedPersonReadsTheNoticeAndAnUnknownPlaceIsSaidSo() {
    Decision tehran = decide("IR");
    DecisionMessages en = DecisionMessages.forLocale(Locale.ENGLISH);
    assertThat(en.reason(tehran)).startsWith("You may join from Iran; some features are limited");
    assertThat(en.notices(tehran)).containsExactly(
        "This meeting may be recorded. The law where you are requires your consent.");
    assertThat(DecisionMessages.forLocale(Locale.GERMAN).notices(tehran).get(0))
        .startsWith("Dieses Meeting kann aufgezeichnet werden");
    assertThat(en.place(Jurisdiction.unknown(UnknownReason.ANONYMIZER)))
        .isEqualTo("an unknown location");
    assertThat(en.place(Jurisdiction.of("CN-YN"))).as("no name bundled: the country")
        .isEqualTo("China");
    assertThat(en.reason(decide("DE"))).isEqualTo("You may join.");
  }

  @Test
  void aServiceShipsItsOwnTranslationsUnderTheSameKeys() {
    ResourceBundle spanish = new ListResourceBundle() {
      @Override
      protected Object[][] getContents() {
        return new Object[][] {
            {"geoscope.deny", "No es posible unirse desde {0}, conforme a {1}."},
            {"geoscope.place.subdivision", "{0}, {1}"},
            {"geoscope.notice", "Aviso: {0}"},
        };
      }
    };
    DecisionMessages es = DecisionMessages.of(spanish, Locale.forLanguageTag("es"));
    assertThat(es.reason(decide("CN-BJ")))
        .isEqualTo("No es posible unirse desde Beijing, China, conforme a "
            + Fixtures.cybersecurityLaw().citation() + ".");
    assertThat(es.notices(decide("IR"))).containsExactly("Aviso: recording-consent");
  }
}
