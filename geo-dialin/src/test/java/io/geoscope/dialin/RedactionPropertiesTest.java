package io.geoscope.dialin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.geoscope.core.Decision;
import io.geoscope.core.DecisionEngine;
import io.geoscope.core.DecisionEvent;
import io.geoscope.core.Evidence;
import io.geoscope.core.Meeting;
import io.geoscope.core.Participant;
import io.geoscope.core.Policy;
import io.geoscope.core.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** No digit run of a number reaches any evidence, decision, event or exception. */
class RedactionPropertiesTest {
  private static final DialInResolver DIAL_IN = DialInResolver.standard();
  private static final List<String> REGIONS =
      new ArrayList<>(PhoneNumberUtil.getInstance().getSupportedRegions());

  static {
    REGIONS.sort(null);
  }

  @Test
  void noOutputEverHoldsTheNumbersDigits() {
    List<DecisionEvent> events = new ArrayList<>();
    DecisionEngine engine =
        DecisionEngine.builder(Policy.empty("v"))
            .listener((at, p, role, d) -> events.add(DecisionEvent.of(at, p, role, d))).build();
    qt().withExamples(1000)
        .forAll(integers().between(0, REGIONS.size() - 1), longs().between(1_000_000L, 99_999_999_999L),
            integers().between(0, 2))
        .checkAssert((regionIndex, digits, form) -> {
          String region = REGIONS.get(regionIndex);
          int cc = PhoneNumberUtil.getInstance().getCountryCodeForRegion(region);
          String national = Long.toString(digits);
          String number = switch (form) {
            case 0 -> "+" + cc + national;
            case 1 -> "+" + cc + " " + national.substring(0, 3) + "-" + national.substring(3);
            default -> national;
          };
          List<String> outputs = new ArrayList<>();
          try {
            Evidence e = DIAL_IN.resolve(number);
            outputs.add(e.toString());
            Participant p = new Participant("p", Role.ATTENDEE, e);
            Decision d = engine.decide(p, new Meeting(Set.of(), Set.of()), Instant.EPOCH);
            outputs.add(d.toString());
            outputs.add(d.describe());
            DecisionEvent event = events.get(events.size() - 1);
            // The event's own timestamp has four-digit runs of its own (the year).
            outputs.add(event.toString().replace(event.at().toString(), ""));
          } catch (InvalidNumberException e) {
            outputs.add(e.getMessage());
            outputs.add(e.toString());
          }
          // Any 4 consecutive digits of the national number would be a leak.
          for (int i = 0; i + 4 <= national.length(); i++) {
            String run = national.substring(i, i + 4);
            for (String out : outputs) {
              assertThat(out).as("output of a number").doesNotContain(run);
            }
          }
        });
  }
}
