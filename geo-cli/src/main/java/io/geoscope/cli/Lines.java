package io.geoscope.cli;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Reads text one line at a time, as {@link java.io.BufferedReader#readLine()} does (a line ends at
 * {@code \n}, {@code \r\n} or {@code \r}), but never holds more than {@link #MAX_CHARS} characters
 * of a line: a longer line ends the read with {@link TooLong}, so {@code /dev/zero} or a file
 * without newlines costs a bounded amount of memory. Not thread-safe.
 */
final class Lines {

  /** The longest line accepted, in characters. */
  static final int MAX_CHARS = 8192;

  /** A line is longer than {@link #MAX_CHARS}; the message names it by number. */
  static final class TooLong extends IOException {
    private static final long serialVersionUID = 1L;

    TooLong(long line, int max) {
      super("line " + line + " is longer than " + max + " characters");
    }
  }

  private final Reader in;
  private final int max;
  private final char[] buffer = new char[1 << 16];
  private final StringBuilder line = new StringBuilder(128);
  private int at;
  private int end;
  private long number;
  private boolean skipNewline;

  Lines(Reader in) {
    this(in, MAX_CHARS);
  }

  Lines(Reader in, int max) {
    this.in = in;
    this.max = max;
  }

  /** The number of the line returned last (1-based). */
  long number() {
    return number;
  }

  /**
   * The next line without its terminator, or {@code null} at the end of the input.
   *
   * @throws TooLong if the line has more than {@link #MAX_CHARS} characters
   */
  @Nullable String next() throws IOException {
    line.setLength(0);
    boolean any = false;
    while (true) {
      if (at == end) {
        end = in.read(buffer, 0, buffer.length);
        at = 0;
        if (end <= 0) {
          end = 0;
          if (!any) {
            return null;
          }
          number++;
          return line.toString();
        }
      }
      char c = buffer[at++];
      if (skipNewline) {
        skipNewline = false;
        if (c == '\n') {
          continue;
        }
      }
      any = true;
      if (c == '\n' || c == '\r') {
        skipNewline = c == '\r';
        number++;
        return line.toString();
      }
      if (line.length() == max) {
        throw new TooLong(number + 1, max);
      }
      line.append(c);
    }
  }
}
