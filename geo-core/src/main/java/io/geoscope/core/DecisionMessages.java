package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Words for the person a decision is about: the reason for a deny or a limit, and the text of
 * each notice, in the person's language, with the place named as people name it ("Beijing,
 * China", not {@code CN-BJ}).
 *
 * <pre>{@code
 * DecisionMessages words = DecisionMessages.forLocale(Locale.FRENCH);
 * String shown = words.reason(decision);
 * // "Il n'est pas possible de rejoindre la réunion depuis Pékin, Chine, en vertu de ..."
 * }</pre>
 *
 * <p>Messages come from the bundle {@value #BUNDLE} (English, French and German ship with
 * Geoscope); keys are the decision's {@link Decision#reasonKey()} ({@code geoscope.admit}, {@code
 * geoscope.admit-limited}, {@code geoscope.deny}, with {@code {0}} the place, {@code {1}} the
 * decisive rule's citation and {@code {2}} its authority), {@code geoscope.notice.<key>} for each
 * notice (falling back to {@code geoscope.notice} with {@code {0}} the key), {@code
 * geoscope.place.unknown} and {@code geoscope.place.subdivision} ({@code {0}} subdivision, {@code
 * {1}} country). A service ships its own translations by passing its own bundle to {@link
 * #of(ResourceBundle, Locale)}. Country names come from the JDK's locale data ({@link
 * Locale#getDisplayCountry(Locale)}); subdivision names from the bundle {@value #SUBDIVISIONS}
 * (ISO 3166-2 names for the places policies commonly name), else the country alone.
 *
 * <p>Instances are immutable and thread-safe. Not for the hot path: format after deciding.
 */
public final class DecisionMessages {
  /** The base name of the message bundle. */
  public static final String BUNDLE = "io.geoscope.core.messages";

  /** The base name of the subdivision-name bundle. */
  public static final String SUBDIVISIONS = "io.geoscope.core.subdivisions";

  private final ResourceBundle messages;
  private final ResourceBundle subdivisions;
  private final Locale locale;

  private DecisionMessages(ResourceBundle messages, ResourceBundle subdivisions, Locale locale) {
    this.messages = messages;
    this.subdivisions = subdivisions;
    this.locale = locale;
  }

  /** Geoscope's own messages in {@code locale} (English where it has none). */
  public static DecisionMessages forLocale(Locale locale) {
    requireNonNull(locale, "locale");
    return of(ResourceBundle.getBundle(BUNDLE, locale), locale);
  }

  /**
   * Messages from the service's own {@code bundle} (same keys), naming places in {@code locale}.
   */
  public static DecisionMessages of(ResourceBundle bundle, Locale locale) {
    requireNonNull(bundle, "bundle");
    requireNonNull(locale, "locale");
    return new DecisionMessages(bundle, ResourceBundle.getBundle(SUBDIVISIONS, locale), locale);
  }

  /**
   * The reason shown to the person, e.g. "Joining is not available from Beijing, China, under
   * Cybersecurity Law of the PRC, art. 12."
   *
   * @throws MissingResourceException if the bundle lacks the decision's reason key
   */
  public String reason(Decision decision) {
    requireNonNull(decision, "decision");
    String citation = decision.reasonParams().getOrDefault("citation", "");
    String authority = decision.reasonParams().getOrDefault("authority", "");
    return format(decision.reasonKey(), place(decision.jurisdiction()), citation, authority);
  }

  /** The text of each notice the decision shows the person, in effect order. */
  public List<String> notices(Decision decision) {
    List<String> out = new ArrayList<>();
    for (Effect e : decision.effects()) {
      if (e instanceof Effect.Notice n) {
        String key = "geoscope.notice." + n.key();
        out.add(messages.containsKey(key) ? format(key) : format("geoscope.notice", n.key()));
      }
    }
    return out;
  }

  /** The place as people name it in this locale: "Beijing, China", "China", "an unknown location". */
  public String place(Jurisdiction j) {
    requireNonNull(j, "j");
    if (!j.isKnown()) {
      return format("geoscope.place.unknown");
    }
    String country = new Locale("", j.country().code()).getDisplayCountry(locale);
    if (!j.isSubdivision()) {
      return country;
    }
    if (!subdivisions.containsKey(j.code())) {
      return country;
    }
    return format("geoscope.place.subdivision", subdivisions.getString(j.code()), country);
  }

  private String format(String key, Object... args) {
    return new MessageFormat(messages.getString(key), locale).format(args);
  }
}
