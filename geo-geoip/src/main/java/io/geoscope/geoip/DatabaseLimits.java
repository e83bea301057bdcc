package io.geoscope.geoip;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The resources a database file may make Geoscope spend while it is compiled, whatever its bytes
 * say. A file that would need more is refused with {@link DatabaseException.Reason#RESOURCE_LIMIT}
 * and a message naming the limit; the database in service (on reload) stays in service.
 *
 * <p>Whatever the limits, each data-section value reached through a pointer is decoded at most once
 * (the data section is walked as a graph, not as the tree its pointers unfold to), so the work and
 * memory of a compile grow with the file's size, not with what its pointers multiply. The limits are
 * the backstop for anything that principle does not cover.
 *
 * <table>
 *   <caption>Limits and their defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>bounds</th></tr>
 *   <tr><td>{@code maxFileBytes}</td><td>2,147,483,583 (a Java array)</td>
 *       <td>bytes read into memory</td></tr>
 *   <tr><td>{@code maxDataDepth}</td><td>512 (libmaxminddb's)</td>
 *       <td>nesting of maps and arrays</td></tr>
 *   <tr><td>{@code decodeBudgetPerByte}</td><td>4</td>
 *       <td>values decoded: at most this many per data-section byte, plus 65,536</td></tr>
 *   <tr><td>{@code compileTimeout}</td><td>60 s</td><td>wall time of one compile</td></tr>
 *   <tr><td>{@code maxMetadataText}</td><td>128</td>
 *       <td>characters of {@code database_type}</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DatabaseLimits {

  /** The largest file a byte array can hold, less the VM's header allowance. */
  public static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 64;

  private static final DatabaseLimits DEFAULTS = new Builder().build();

  private final long maxFileBytes;
  private final int maxDataDepth;
  private final int decodeBudgetPerByte;
  private final Duration compileTimeout;
  private final int maxMetadataText;

  private DatabaseLimits(Builder b) {
    this.maxFileBytes = b.maxFileBytes;
    this.maxDataDepth = b.maxDataDepth;
    this.decodeBudgetPerByte = b.decodeBudgetPerByte;
    this.compileTimeout = b.compileTimeout;
    this.maxMetadataText = b.maxMetadataText;
  }

  /** The documented defaults. */
  public static DatabaseLimits defaults() {
    return DEFAULTS;
  }

  /** Starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Files larger than this many bytes are refused before they are read. */
  public long maxFileBytes() {
    return maxFileBytes;
  }

  /** Maps and arrays nested deeper than this are refused. */
  public int maxDataDepth() {
    return maxDataDepth;
  }

  /** Decoding may visit at most this many values per data-section byte (plus 65,536). */
  public int decodeBudgetPerByte() {
    return decodeBudgetPerByte;
  }

  /** One compile (metadata, search tree, data section) may take at most this long. */
  public Duration compileTimeout() {
    return compileTimeout;
  }

  /** The metadata {@code database_type} may have at most this many characters. */
  public int maxMetadataText() {
    return maxMetadataText;
  }

  @Override
  public String toString() {
    return "DatabaseLimits[maxFileBytes="
        + maxFileBytes
        + ", maxDataDepth="
        + maxDataDepth
        + ", decodeBudgetPerByte="
        + decodeBudgetPerByte
        + ", compileTimeout="
        + compileTimeout
        + ", maxMetadataText="
        + maxMetadataText
        + "]";
  }

  /** Configures {@link DatabaseLimits}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private long maxFileBytes = MAX_FILE_BYTES;
    private int maxDataDepth = 512;
    private int decodeBudgetPerByte = 4;
    private Duration compileTimeout = Duration.ofSeconds(60);
    private int maxMetadataText = 128;

    private Builder() {}

    /**
     * Files larger than {@code bytes} are refused unread.
     *
     * @throws IllegalArgumentException unless 1 &lt;= bytes &lt;= {@link #MAX_FILE_BYTES}
     */
    public Builder maxFileBytes(long bytes) {
      if (bytes < 1 || bytes > MAX_FILE_BYTES) {
        throw new IllegalArgumentException("maxFileBytes must be 1.." + MAX_FILE_BYTES);
      }
      this.maxFileBytes = bytes;
      return this;
    }

    /**
     * Maps and arrays may nest at most {@code depth} levels.
     *
     * @throws IllegalArgumentException unless 1 &lt;= depth &lt;= 4096 (the decoder recurses)
     */
    public Builder maxDataDepth(int depth) {
      if (depth < 1 || depth > 4096) {
        throw new IllegalArgumentException("maxDataDepth must be 1..4096");
      }
      this.maxDataDepth = depth;
      return this;
    }

    /**
     * Decoding may visit at most {@code values} values per data-section byte, plus 65,536.
     *
     * @throws IllegalArgumentException unless 1 &lt;= values &lt;= 1024
     */
    public Builder decodeBudgetPerByte(int values) {
      if (values < 1 || values > 1024) {
        throw new IllegalArgumentException("decodeBudgetPerByte must be 1..1024");
      }
      this.decodeBudgetPerByte = values;
      return this;
    }

    /**
     * One compile may take at most {@code timeout}.
     *
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public Builder compileTimeout(Duration timeout) {
      requireNonNull(timeout, "compileTimeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("compileTimeout must be positive");
      }
      this.compileTimeout = timeout;
      return this;
    }

    /**
     * The metadata {@code database_type} may have at most {@code chars} characters.
     *
     * @throws IllegalArgumentException unless 1 &lt;= chars &lt;= 4096
     */
    public Builder maxMetadataText(int chars) {
      if (chars < 1 || chars > 4096) {
        throw new IllegalArgumentException("maxMetadataText must be 1..4096");
      }
      this.maxMetadataText = chars;
      return this;
    }

    /** The limits configured so far. */
    public DatabaseLimits build() {
      return new DatabaseLimits(this);
    }
  }
}
