package io.geoscope.geoip;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which part of a decoded value a compiler keeps: of a map, only the listed keys (each with its own
 * shape); of an array, each element in {@code elements}' shape, or nothing if that is {@code null};
 * scalars are always kept. Everything else is checked by the decoder but never materialised, so a
 * record's decoded form stays as small as what is read from it.
 *
 * @param fields the map keys to keep and how
 * @param elements the shape of array elements, or {@code null} to keep arrays empty
 */
record Shape(Map<String, Shape> fields, @Nullable Shape elements) {

  /** Keeps scalars only: maps and arrays become empty. */
  public static final Shape SCALAR = new Shape(Map.of(), null);

  /** Copies the field map. */
  public Shape {
    fields = Map.copyOf(fields);
  }

  /** A map shape keeping {@code fields}. */
  public static Shape map(Map<String, Shape> fields) {
    return new Shape(fields, null);
  }

  /** An array shape whose elements are kept as {@code elements}. */
  public static Shape arrayOf(Shape elements) {
    return new Shape(Map.of(), elements);
  }

  /**
   * A map shape keeping what either {@code this} or {@code other} keeps: fields of both (a field
   * in both is merged in turn), array elements of whichever keeps them.
   */
  public Shape union(Shape other) {
    java.util.HashMap<String, Shape> merged = new java.util.HashMap<>(fields);
    other.fields.forEach((k, v) -> merged.merge(k, v, Shape::union));
    Shape e = elements == null ? other.elements
        : other.elements == null ? elements : elements.union(other.elements);
    return new Shape(merged, e);
  }
}
