package io.geoscope.core;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The versioned catalogue of authorities shipped with geo-core ({@code
 * io/geoscope/core/authorities.json}): each entry's id, official name, aliases, home and the
 * instrument kinds it issues, with the official source it was checked against.
 *
 * <p>Names are looked up with case, spacing, accents and punctuation ignored: {@code OFAC}, {@code
 * Office of Foreign Assets Control} and {@code us.ofac} name the same entry. The resource is read
 * by a small JDK-only reader (geo-core has no dependencies). Instances are immutable and
 * thread-safe.
 */
public final class AuthorityCatalogue {
  private static final AuthorityCatalogue STANDARD = load();

  private final String version;
  private final List<Authority> authorities;
  private final Map<String, Authority> byName;

  private AuthorityCatalogue(String version, List<Authority> authorities) {
    this.version = version;
    this.authorities = List.copyOf(authorities);
    Map<String, Authority> names = new HashMap<>();
    for (Authority a : authorities) {
      for (String n : a.names()) {
        Authority clash = names.put(key(n), a);
        if (clash != null && clash != a) {
          throw new IllegalStateException(
              "authority catalogue: '" + n + "' names both " + clash.id() + " and " + a.id());
        }
      }
    }
    this.byName = Map.copyOf(names);
  }

  /** The catalogue shipped with this library. */
  public static AuthorityCatalogue standard() {
    return STANDARD;
  }

  /** The catalogue's version label, e.g. {@code 2026-12-01}. */
  public String version() {
    return version;
  }

  /** Every entry, in catalogue order. */
  public List<Authority> authorities() {
    return authorities;
  }

  /** The entry named {@code name} (id, official name or alias, loosely compared), if any. */
  public Optional<Authority> find(String name) {
    requireNonNull(name, "name");
    return Optional.ofNullable(byName.get(key(name)));
  }

  /**
   * The form names are compared in: accents removed, letters and digits only, lower case; {@code
   * "&"} reads as {@code and}.
   */
  public static String key(String name) {
    String plain =
        Normalizer.normalize(name.replace("&", " and "), Normalizer.Form.NFKD)
            .toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(plain.length());
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (Character.isLetter(c) && c > 0x7f
          && Character.getType(c) != Character.NON_SPACING_MARK)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  private static AuthorityCatalogue load() {
    String text;
    try (InputStream in = AuthorityCatalogue.class.getResourceAsStream("authorities.json")) {
      if (in == null) {
        throw new IllegalStateException("geo-core's authorities.json resource is missing");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read geo-core's authorities.json", e);
    }
    Map<String, Object> root = (Map<String, Object>) CatalogueJson.parse(text);
    List<Authority> out = new ArrayList<>();
    for (Object o : (List<Object>) root.get("authorities")) {
      Map<String, Object> e = (Map<String, Object>) o;
      Set<Jurisdiction> home = new LinkedHashSet<>();
      for (Object h : (List<Object>) e.get("home")) {
        home.add(Jurisdiction.of((String) h));
      }
      Set<InstrumentKind> kinds = new LinkedHashSet<>();
      for (Object k : (List<Object>) e.get("kinds")) {
        kinds.add(InstrumentKind.fromCode((String) k));
      }
      List<String> aliases = new ArrayList<>();
      for (Object a : (List<Object>) e.get("aliases")) {
        aliases.add((String) a);
      }
      out.add(
          new Authority(
              (String) e.get("id"),
              (String) e.get("name"),
              aliases,
              home,
              kinds,
              Optional.ofNullable((String) e.get("source")),
              false));
    }
    return new AuthorityCatalogue((String) root.get("version"), out);
  }
}
