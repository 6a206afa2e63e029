package io.dccsim.core.value;

import java.util.Objects;

/**
 * A Unique Property Reference Number: a positive integer of at most 12 digits identifying a
 * premises.
 *
 * @param value the number, 1 to 999,999,999,999
 */
public record Uprn(long value) implements Comparable<Uprn> {

  /** The largest UPRN: twelve nines. */
  public static final long MAX = 999_999_999_999L;

  /** Checks the value is in 1..{@link #MAX}. */
  public Uprn {
    if (value < 1 || value > MAX) {
      throw new IllegalArgumentException("A UPRN is 1 to 12 digits and positive, not " + value);
    }
  }

  /** The UPRN {@code value}. */
  public static Uprn of(long value) {
    return new Uprn(value);
  }

  /**
   * Reads decimal digits (leading zeros allowed, at most 12 digits in all, surrounding whitespace
   * ignored).
   *
   * @throws IllegalArgumentException when the text is not a UPRN
   */
  public static Uprn parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.strip();
    if (s.isEmpty() || s.length() > 12) {
      throw invalid(text, "expected 1 to 12 decimal digits");
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid(text, "expected decimal digits only");
      }
      v = v * 10 + (c - '0');
    }
    if (v == 0) {
      throw invalid(text, "a UPRN is positive");
    }
    return new Uprn(v);
  }

  private static IllegalArgumentException invalid(String text, String why) {
    String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
    return new IllegalArgumentException("Not a UPRN: '" + shown + "': " + why);
  }

  @Override
  public int compareTo(Uprn o) {
    return Long.compare(value, o.value);
  }

  /** The decimal form without leading zeros. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
