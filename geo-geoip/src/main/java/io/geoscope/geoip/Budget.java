package io.geoscope.geoip;

import io.geoscope.geoip.DatabaseException;
import io.geoscope.geoip.DatabaseException.Reason;

/**
 * The work one compile may still do: a count of decoding steps and a deadline, both fixed when the
 * compile starts. Every step the decoder takes is charged here, and the clock is read every 4,096
 * steps, so a compile ends within its time limit plus a few microseconds whatever the file holds.
 *
 * <p>Not thread-safe; one instance serves one compile.
 */
final class Budget {

  private final String fileName;
  private final long steps;
  private final int perByte;
  private final long deadline;
  private final long timeoutMillis;
  private long left;
  private int untilClock = 4096;

  /**
   * A budget of {@code perByte} steps per byte of {@code sectionBytes} (plus 65,536), ending
   * {@code timeoutNanos} from now.
   */
  public Budget(String fileName, long sectionBytes, int perByte, long timeoutNanos) {
    this.fileName = fileName;
    this.perByte = perByte;
    this.steps = sectionBytes * perByte + 65_536;
    this.left = steps;
    this.deadline = System.nanoTime() + timeoutNanos;
    this.timeoutMillis = timeoutNanos / 1_000_000;
  }

  /** The file being compiled, for messages. */
  public String fileName() {
    return fileName;
  }

  /** Steps taken so far. */
  public long spent() {
    return steps - left;
  }

  /**
   * Charges {@code n} steps.
   *
   * @throws DatabaseException RESOURCE_LIMIT if the steps or the time are used up
   */
  public void spend(int n) throws DatabaseException {
    left -= n;
    if (left < 0) {
      throw limit(
          "decodeBudgetPerByte",
          perByte,
          "decoding needs more than " + steps + " steps (the limit per data-section byte)");
    }
    untilClock -= n;
    if (untilClock <= 0) {
      untilClock = 4096;
      checkClock();
    }
  }

  /**
   * Refuses the file if the deadline has passed.
   *
   * @throws DatabaseException RESOURCE_LIMIT naming {@code compileTimeout}
   */
  public void checkClock() throws DatabaseException {
    if (System.nanoTime() - deadline > 0) {
      throw limit("compileTimeout", timeoutMillis, "compiling took longer than the limit (ms)");
    }
  }

  /** A RESOURCE_LIMIT refusal naming {@code limit} and its value. */
  public DatabaseException limit(String limit, long value, String why) {
    return new DatabaseException(
        Reason.RESOURCE_LIMIT, fileName, "limit " + limit + "=" + value + " exceeded: " + why, null);
  }
}
