package io.geoscope.geoip;

import io.geoscope.geoip.DatabaseException;
import io.geoscope.geoip.DatabaseException.Reason;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded decoder for one section of a MaxMind DB (the data section, or the metadata) held in
 * memory, written from the MaxMind DB File Format Specification.
 *
 * <p>The section is treated as a graph: the value at an offset reached through a pointer is checked
 * once ({@link #check}), and its height remembered, however many pointers lead to it; a shaped
 * decode ({@link #decode}) is likewise done once per (offset, shape). A pointer bomb (arrays of
 * pointers to the array before, 2<sup>n</sup> leaves in n levels) therefore costs n steps, not
 * 2<sup>n</sup>. Nesting is bounded <em>while</em> decoding, every declared length is checked
 * against the bytes that remain before anything is allocated, and every step is charged to a
 * {@link Budget} shared by the whole compile. A pointer cycle, a pointer to a pointer, a reserved
 * type or a length past the section's end is {@link Reason#CORRUPT}; exceeding a limit is {@link
 * Reason#RESOURCE_LIMIT}.
 *
 * <p>Not thread-safe; one instance serves one compile.
 */
final class DataSection {

  private static final int POINTER = 1;
  private static final int STRING = 2;
  private static final int DOUBLE = 3;
  private static final int BYTES = 4;
  private static final int UINT16 = 5;
  private static final int UINT32 = 6;
  private static final int MAP = 7;
  private static final int INT32 = 8;
  private static final int UINT64 = 9;
  private static final int UINT128 = 10;
  private static final int ARRAY = 11;
  private static final int BOOLEAN = 14;
  private static final int FLOAT = 15;

  /** Marks an offset whose check is under way: meeting it again is a cycle. */
  private static final int IN_PROGRESS = -1;

  private final byte[] bytes;
  private final int base;
  private final int length;
  private final String what;
  private final Budget budget;
  private final int maxDepth;
  /** Checked offsets to 1 + height, {@link #IN_PROGRESS} while being checked. */
  private final OffsetMap heights = new OffsetMap();
  private final Map<Shape, Map<Integer, Object>> decoded = new IdentityHashMap<>();
  private final Map<Integer, String> keys = new HashMap<>();

  // Result registers of the last header read / value walked.
  private int type;
  private int size;
  private int payload;
  private int height;

  /**
   * A section of {@code length} bytes starting at {@code base} in {@code bytes}.
   *
   * @param what names the section in messages ("data section", "metadata")
   */
  DataSection(byte[] bytes, int base, int length, String what, Budget budget, int maxDepth) {
    this.bytes = bytes;
    this.base = base;
    this.length = length;
    this.what = what;
    this.budget = budget;
    this.maxDepth = maxDepth;
  }

  /**
   * Checks the whole value at {@code offset} (a record's start), following every pointer once.
   *
   * @throws DatabaseException CORRUPT or RESOURCE_LIMIT
   */
  void check(int offset) throws DatabaseException {
    target(offset, 0);
  }

  /**
   * Decodes the value at {@code offset}, already {@linkplain #check checked}, keeping only what
   * {@code shape} asks for: {@code Map<String, Object>}, {@code List<Object>}, {@code String},
   * {@code Long} (uint16, uint32, int32), {@code BigInteger} (uint64, uint128), {@code Double},
   * {@code Float}, {@code Boolean} or {@code byte[]}. Values decoded through the same pointer with
   * the same shape are the same object.
   */
  Object decode(int offset, Shape shape) throws DatabaseException {
    return decodeTarget(offset, shape);
  }

  private Object decodeTarget(int offset, Shape shape) throws DatabaseException {
    Map<Integer, Object> memo = decoded.computeIfAbsent(shape, s -> new HashMap<>());
    Object known = memo.get(offset);
    if (known != null) {
      budget.spend(1);
      return known;
    }
    Object value = value(offset, shape);
    memo.put(offset, value);
    return value;
  }

  // ---- checking ------------------------------------------------------------------------------

  /** Checks the value a pointer (or a record) leads to; leaves its height in {@link #height}. */
  private void target(int offset, int depth) throws DatabaseException {
    int known = heights.get(offset);
    if (known == IN_PROGRESS) {
      throw corrupt("pointer cycle through " + what + " offset " + offset);
    }
    if (known > 0) {
      budget.spend(1);
      height = known - 1;
      if (depth + height > maxDepth) {
        throw depthLimit();
      }
      return;
    }
    header(offset);
    if (type == POINTER) {
      throw corrupt("a pointer points at a pointer (" + what + " offset " + offset + ")");
    }
    heights.put(offset, IN_PROGRESS);
    walk(offset, depth);
    heights.put(offset, height + 1);
  }

  /** Checks the value at {@code offset}; returns the offset after it, leaves its height. */
  private int walk(int offset, int depth) throws DatabaseException {
    if (depth > maxDepth) {
      throw depthLimit();
    }
    budget.spend(1);
    header(offset);
    int t = type;
    int s = size;
    int p = payload;
    switch (t) {
      case POINTER:
        target(s, depth);
        return p;
      case MAP:
        {
          fits(p, s * 2L, "map of ", s, " entries");
          int max = -1;
          for (int i = 0; i < s; i++) {
            p = key(p);
            p = walk(p, depth + 1);
            max = Math.max(max, height);
          }
          height = max + 1;
          return p;
        }
      case ARRAY:
        {
          fits(p, s, "array of ", s, " elements");
          int max = -1;
          for (int i = 0; i < s; i++) {
            p = walk(p, depth + 1);
            max = Math.max(max, height);
          }
          height = max + 1;
          return p;
        }
      default:
        height = 0;
        return scalarEnd(t, s, p);
    }
  }

  /** Checks a map key (a string, or a pointer to one); returns the offset after it. */
  private int key(int offset) throws DatabaseException {
    budget.spend(1);
    header(offset);
    int after = type == STRING ? scalarEnd(STRING, size, payload) : payload;
    if (type == POINTER) {
      header(size);
      if (type == STRING) {
        scalarEnd(STRING, size, payload);
      }
    }
    if (type != STRING) {
      throw corrupt("a map key is not a string (" + what + " offset " + offset + ")");
    }
    return after;
  }

  private int scalarEnd(int t, int s, int p) throws DatabaseException {
    int max;
    switch (t) {
      case STRING:
      case BYTES:
        fits(p, s, "string or bytes of ", s, " bytes");
        return p + s;
      case DOUBLE:
        max = 8;
        break;
      case FLOAT:
        max = 4;
        break;
      case UINT16:
        max = 2;
        break;
      case UINT32:
      case INT32:
        max = 4;
        break;
      case UINT64:
        max = 8;
        break;
      case UINT128:
        max = 16;
        break;
      case BOOLEAN:
        if (s > 1) {
          throw corrupt("boolean of size " + s);
        }
        return p;
      default:
        throw corrupt("reserved data type " + t + " (" + what + " offset " + p + ")");
    }
    if (s > max || ((t == DOUBLE || t == FLOAT) && s != max)) {
      throw corrupt("type " + t + " of size " + s);
    }
    fits(p, s, "number of ", s, " bytes");
    return p + s;
  }

  /** Refuses a declared length that runs past the section's end, before anything is allocated. */
  /**
   * Checks that {@code need} bytes from {@code p} are inside the section. The message (a {@code
   * thing}, {@code count}, {@code unit}) is only built when they are not: this runs for every value
   * of every record, and building it eagerly was a quarter of a City-sized compile.
   */
  private void fits(int p, long need, String thing, long count, String unit) throws DatabaseException {
    if (need > length - (long) p) {
      throw corrupt(thing + count + unit + " at " + what + " offset " + p + " runs past its end");
    }
  }

  /**
   * Reads the control byte(s) at {@code offset}: sets {@link #type}, {@link #size} (for a pointer:
   * its target) and {@link #payload} (where the value's bytes, or the next value, start).
   */
  private void header(int offset) throws DatabaseException {
    int p = offset;
    int c = u8(p++);
    int t = c >>> 5;
    if (t == POINTER) {
      int ss = (c >>> 3) & 3;
      int v = c & 7;
      int target;
      switch (ss) {
        case 0:
          target = (v << 8) | u8(p);
          break;
        case 1:
          target = 2048 + ((v << 16) | (u8(p) << 8) | u8(p + 1));
          break;
        case 2:
          target = 526336 + ((v << 24) | (u8(p) << 16) | (u8(p + 1) << 8) | u8(p + 2));
          break;
        default:
          long wide =
              ((long) u8(p) << 24) | (u8(p + 1) << 16) | (u8(p + 2) << 8) | (long) u8(p + 3);
          if (wide >= length) {
            throw corrupt("a pointer leads past the " + what + "'s end");
          }
          target = (int) wide;
      }
      if (target < 0 || target >= length) {
        throw corrupt("a pointer leads past the " + what + "'s end");
      }
      type = POINTER;
      size = target;
      payload = p + ss + 1;
      return;
    }
    if (t == 0) {
      t = 7 + u8(p++);
      if (t <= MAP || t > FLOAT) {
        throw corrupt("bad extended type " + t + " at " + what + " offset " + offset);
      }
    }
    int s = c & 0x1F;
    if (s == 29) {
      s = 29 + u8(p++);
    } else if (s == 30) {
      s = 285 + ((u8(p) << 8) | u8(p + 1));
      p += 2;
    } else if (s == 31) {
      s = 65821 + ((u8(p) << 16) | (u8(p + 1) << 8) | u8(p + 2));
      p += 3;
    }
    type = t;
    size = s;
    payload = p;
  }

  private int u8(int offset) throws DatabaseException {
    if (offset < 0 || offset >= length) {
      throw corrupt("a value runs past the " + what + "'s end");
    }
    return bytes[base + offset] & 0xFF;
  }

  // ---- shaped decoding -----------------------------------------------------------------------

  private int after;

  private Object value(int offset, Shape shape) throws DatabaseException {
    budget.spend(1);
    header(offset);
    int t = type;
    int s = size;
    int p = payload;
    switch (t) {
      case POINTER:
        {
          Object v = decodeTarget(s, shape);
          after = p;
          return v;
        }
      case MAP:
        {
          Map<String, Object> map = new HashMap<>(Math.min(s, shape.fields().size()) * 2 + 1);
          for (int i = 0; i < s; i++) {
            String k = keyText(p);
            p = after;
            Shape field = shape.fields().get(k);
            if (field == null) {
              p = skip(p);
            } else {
              map.put(k, value(p, field));
              p = after;
            }
          }
          after = p;
          return map;
        }
      case ARRAY:
        {
          Shape element = shape.elements();
          List<Object> list = new ArrayList<>(element == null ? 0 : s);
          for (int i = 0; i < s; i++) {
            if (element == null) {
              p = skip(p);
            } else {
              list.add(value(p, element));
              p = after;
            }
          }
          after = p;
          return list;
        }
      default:
        after = scalarEnd(t, s, p);
        return scalar(t, s, p);
    }
  }

  /** The offset after the value at {@code offset}, without following pointers. */
  private int skip(int offset) throws DatabaseException {
    budget.spend(1);
    header(offset);
    int t = type;
    int s = size;
    int p = payload;
    if (t == POINTER) {
      return p;
    }
    if (t == MAP) {
      for (int i = 0; i < s; i++) {
        keyText(p);
        p = skip(after);
      }
      return p;
    }
    if (t == ARRAY) {
      for (int i = 0; i < s; i++) {
        p = skip(p);
      }
      return p;
    }
    return scalarEnd(t, s, p);
  }

  private String keyText(int offset) throws DatabaseException {
    header(offset);
    if (type == POINTER) {
      after = payload;
      int target = size;
      String known = keys.get(target);
      if (known == null) {
        header(target);
        known = new String(bytes, base + payload, size, StandardCharsets.UTF_8);
        keys.put(target, known);
      }
      return known;
    }
    after = payload + size;
    return new String(bytes, base + payload, size, StandardCharsets.UTF_8);
  }

  private Object scalar(int t, int s, int p) {
    int at = base + p;
    switch (t) {
      case STRING:
        return new String(bytes, at, s, StandardCharsets.UTF_8);
      case BYTES:
        return Arrays.copyOfRange(bytes, at, at + s);
      case DOUBLE:
        return Double.longBitsToDouble(unsigned(at, 8).longValue());
      case FLOAT:
        return Float.intBitsToFloat(unsigned(at, 4).intValue());
      case UINT16:
      case UINT32:
        return unsigned(at, s).longValue();
      case INT32:
        return (long) unsigned(at, s).intValue();
      case BOOLEAN:
        return s == 1;
      default:
        return unsigned(at, s);
    }
  }

  private BigInteger unsigned(int at, int s) {
    byte[] magnitude = Arrays.copyOfRange(bytes, at, at + s);
    return new BigInteger(1, magnitude);
  }

  // ---- errors --------------------------------------------------------------------------------

  private DatabaseException corrupt(String detail) {
    return new DatabaseException(Reason.CORRUPT, budget.fileName(), detail, null);
  }

  private DatabaseException depthLimit() {
    return budget.limit(
        "maxDataDepth", maxDepth, what + " nests maps and arrays deeper than the limit");
  }

  /** An open-addressing map from non-negative int offsets to non-zero ints (0 means absent). */
  private static final class OffsetMap {
    private int[] keys = new int[64];
    private int[] values = new int[64];
    private int count;

    int get(int key) {
      int mask = keys.length - 1;
      for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
        int k = keys[i];
        if (k == 0) {
          return 0;
        }
        if (k == key + 1) {
          return values[i];
        }
      }
    }

    void put(int key, int value) {
      if (count * 2 >= keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
        int k = keys[i];
        if (k == 0) {
          keys[i] = key + 1;
          values[i] = value;
          count++;
          return;
        }
        if (k == key + 1) {
          values[i] = value;
          return;
        }
      }
    }

    private void grow() {
      int[] oldKeys = keys;
      int[] oldValues = values;
      keys = new int[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      count = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != 0) {
          put(oldKeys[i] - 1, oldValues[i]);
        }
      }
    }

    private static int mix(int key) {
      int h = key * 0x9E3779B9;
      return h ^ (h >>> 16);
    }
  }
}
