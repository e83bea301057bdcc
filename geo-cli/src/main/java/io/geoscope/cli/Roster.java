package io.geoscope.cli;

import io.geoscope.core.Areas;
import io.geoscope.core.Evidence;
import io.geoscope.core.Jurisdiction;
import io.geoscope.core.LocationSource;
import io.geoscope.core.Participant;
import io.geoscope.core.Role;
import io.geoscope.core.Signals;
import io.geoscope.dialin.DialInResolver;
import io.geoscope.dialin.InvalidNumberException;
import io.geoscope.geoip.GeoResolver;
import io.geoscope.geoip.InvalidAddressException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a roster CSV one line at a time: a header naming the columns {@code id}, {@code role},
 * {@code ip} and optionally {@code dial_in}, {@code site}, {@code declared} and {@code postal_code}
 * (placing the first three relative to the policy's areas), in any order; then
 * one participant per line. Fields are separated by commas and are not quoted; blank lines and
 * lines starting with {@code #} are skipped.
 *
 * <p>Every field a line fills becomes one signal of the participant, combined by the library's
 * {@link Signals} (its documented precedence and conflict rules, nothing of the CLI's own): {@code
 * dial_in} is an international number ({@code +14155552671}, placed by {@link DialInResolver}) or a
 * country or subdivision code; {@code site} is the code of where a room system is installed; {@code
 * declared} is the code the participant declared; {@code ip} is resolved through the database. A
 * participant with none of them is {@code unknown:no-evidence}. No number or address is ever
 * echoed in a message.
 *
 * <p>Not thread-safe.
 */
final class Roster {

  /** A roster line that could not be read; the message never contains an IP address. */
  static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;

    BadLine(String message) {
      super(message, null, false, false);
    }
  }

  private final Lines in;
  private final @Nullable GeoResolver resolver;
  private final int id;
  private final int role;
  private final int ip;
  private final int dialIn;
  private final int site;
  private final int declared;
  private final int postalCode;
  private final Areas areas;
  private final int columns;
  private final DialInResolver dialInResolver = DialInResolver.standard();
  private int lineNumber;

  private Roster(Lines in, @Nullable GeoResolver resolver, Areas areas, List<String> header,
      int lineNumber) throws BadLine {
    this.in = in;
    this.resolver = resolver;
    this.areas = areas;
    this.lineNumber = lineNumber;
    this.columns = header.size();
    for (int i = 0; i < header.size(); i++) {
      int first = header.indexOf(header.get(i));
      if (first != i) {
        // Positions, not the name: the header is the user's text and is not echoed.
        throw bad("the header names one column twice (columns " + (first + 1) + " and "
            + (i + 1) + ")");
      }
    }
    this.id = column(header, "id", true);
    this.role = column(header, "role", true);
    this.ip = column(header, "ip", true);
    this.dialIn = column(header, "dial_in", false);
    this.site = column(header, "site", false);
    this.declared = column(header, "declared", false);
    this.postalCode = column(header, "postal_code", false);
  }

  /**
   * Reads the header. Without a resolver, a line with an {@code ip} and neither {@code dial_in}
   * nor {@code site} is bad.
   *
   * A UTF-8 byte order mark before the header (what spreadsheets write) is ignored. Lines are
   * read through {@link Lines}, so a line longer than {@link Lines#MAX_CHARS} ends the read.
   *
   * @throws BadLine if the header lacks a required column, names one twice, or there is none
   * @throws Lines.TooLong if a line is too long
   */
  static Roster open(Reader reader, @Nullable GeoResolver resolver)
      throws IOException, BadLine {
    return open(reader, resolver, Areas.none());
  }

  /**
   * As {@link #open(Reader, GeoResolver)}, placing {@code dial_in}, {@code site} and {@code
   * declared} locations relative to {@code areas} by the optional {@code postal_code} column (an
   * {@code ip} is placed by its database record).
   */
  static Roster open(Reader reader, @Nullable GeoResolver resolver, Areas areas)
      throws IOException, BadLine {
    Lines in = new Lines(reader);
    String line;
    boolean first = true;
    while ((line = in.next()) != null) {
      if (first && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      first = false;
      if (!skipped(line)) {
        return new Roster(in, resolver, areas, split(line), (int) in.number());
      }
    }
    throw new BadLine("the roster is empty; it needs a header line such as 'id,role,ip'");
  }

  private int column(List<String> header, String name, boolean required) throws BadLine {
    int i = header.indexOf(name);
    if (i < 0 && required) {
      throw bad("the header has no '" + name + "' column (need id,role,ip)");
    }
    return i;
  }

  /** The line number of the line read last (1-based, counting the header). */
  int lineNumber() {
    return lineNumber;
  }

  /**
   * The next participant, or null at the end of the file.
   *
   * @throws BadLine for a line that cannot be read; the next call continues after it
   */
  @Nullable Participant next() throws IOException, BadLine {
    String line;
    do {
      line = in.next();
      if (line == null) {
        return null;
      }
      lineNumber++;
    } while (skipped(line));
    List<String> f = split(line);
    if (f.size() != columns) {
      throw bad("has " + f.size() + " fields, the header has " + columns);
    }
    String pid = f.get(id);
    if (pid.isEmpty()) {
      throw bad("empty id");
    }
    Role r;
    try {
      r = Role.fromCode(f.get(role).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad("unknown role (use host, co-host, panelist or attendee)");
    }
    return new Participant(pid, r, evidence(f));
  }

  private Signals evidence(List<String> f) throws BadLine {
    List<Evidence> signals = new ArrayList<>(4);
    String dial = dialIn < 0 ? "" : f.get(dialIn);
    if (dial.startsWith("+")) {
      try {
        signals.add(dialInResolver.resolve(dial));
      } catch (InvalidNumberException e) {
        throw bad("dial_in number refused: " + e.reason().description());
      }
    } else if (!dial.isEmpty()) {
      signals.add(new Evidence(code(dial, "dial_in"), LocationSource.DIAL_IN, "roster", "dial_in"));
    }
    String room = site < 0 ? "" : f.get(site);
    if (!room.isEmpty()) {
      signals.add(new Evidence(code(room, "site"), LocationSource.ROOM_SYSTEM, "roster", "site"));
    }
    String said = declared < 0 ? "" : f.get(declared);
    if (!said.isEmpty()) {
      signals.add(new Evidence(code(said, "declared"), LocationSource.DECLARED, "roster", "declared"));
    }
    String postal = postalCode < 0 ? "" : f.get(postalCode);
    if (!postal.isEmpty()) {
      signals.replaceAll(e -> areas.placed(e, postal));
    }
    String address = f.get(ip);
    if (!address.isEmpty()) {
      GeoResolver r = resolver;
      if (r == null) {
        throw bad("an ip needs a location database: pass --db");
      }
      try {
        signals.add(r.resolve(address));
      } catch (InvalidAddressException e) {
        throw bad("invalid address (" + ResolveCommand.reason(e) + "): " + e.reason().description());
      }
    }
    return Signals.of(signals);
  }

  private Jurisdiction code(String code, String column) throws BadLine {
    try {
      return Jurisdiction.of(code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad(column + " is not a country or subdivision code such as DE or US-CA");
    }
  }

  private BadLine bad(String message) {
    return new BadLine("line " + lineNumber + ": " + message);
  }

  private static boolean skipped(String line) {
    return line.isBlank() || line.startsWith("#");
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>(6);
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == ',') {
        out.add(line.substring(start, i).strip());
        start = i + 1;
      }
    }
    return out;
  }
}
