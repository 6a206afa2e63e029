package io.dccsim.core.value;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An EUI-64 identifier, as used by DUIS for Users, the DCC and devices.
 *
 * <p>Accepts the DUIS form of eight hyphen-separated hex octets ({@code 90-B3-D5-1F-30-01-00-00}),
 * the bare sixteen-digit form ({@code 90b3d51f30010000}) and colon-separated octets, in any case.
 * The canonical form, returned by {@link #toString()}, is upper-case and hyphen-separated.
 */
public final class Eui64 implements Comparable<Eui64> {
  private static final HexFormat HYPHENATED = HexFormat.ofDelimiter("-").withUpperCase();

  private final long value;

  private Eui64(long value) {
    this.value = value;
  }

  /** The EUI whose 64 bits are {@code value}, most significant octet first. */
  public static Eui64 of(long value) {
    return new Eui64(value);
  }

  /** The EUI made of exactly eight octets. */
  public static Eui64 fromBytes(byte[] octets) {
    Objects.requireNonNull(octets, "octets");
    if (octets.length != 8) {
      throw new IllegalArgumentException(
          "An EUI-64 has 8 octets, not " + octets.length + " octets");
    }
    long v = 0;
    for (byte b : octets) {
      v = (v << 8) | (b & 0xFF);
    }
    return new Eui64(v);
  }

  /**
   * Parses any accepted textual form.
   *
   * @throws IllegalArgumentException naming the problem when {@code text} is not an EUI-64
   */
  public static Eui64 parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.strip();
    String hex;
    if (s.length() == 23) {
      char sep = s.charAt(2);
      if (sep != '-' && sep != ':') {
        throw invalid(text, "octets must be separated by '-' or ':'");
      }
      StringBuilder b = new StringBuilder(16);
      for (int i = 0; i < 23; i++) {
        char c = s.charAt(i);
        if (i % 3 == 2) {
          if (c != sep) {
            throw invalid(text, "expected '" + sep + "' at position " + i);
          }
        } else {
          b.append(c);
        }
      }
      hex = b.toString();
    } else if (s.length() == 16) {
      hex = s;
    } else {
      throw invalid(text, "expected 8 hex octets");
    }
    long v = 0;
    for (int i = 0; i < 16; i++) {
      int d = Character.digit(hex.charAt(i), 16);
      if (d < 0) {
        throw invalid(text, "'" + hex.charAt(i) + "' is not a hex digit");
      }
      v = (v << 4) | d;
    }
    return new Eui64(v);
  }

  private static IllegalArgumentException invalid(String text, String why) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return new IllegalArgumentException("Not an EUI-64: '" + shown + "': " + why);
  }

  /** The 64 bits, most significant octet first. */
  public long value() {
    return value;
  }

  /** The eight octets, most significant first. */
  public byte[] toBytes() {
    byte[] out = new byte[8];
    for (int i = 7; i >= 0; i--) {
      out[7 - i] = (byte) (value >>> (i * 8));
    }
    return out;
  }

  /** Sixteen lower-case hex digits, no separators (a compact key form). */
  public String toCompactHex() {
    return HexFormat.of().toHexDigits(value).toLowerCase(Locale.ROOT);
  }

  /** The canonical DUIS form, e.g. {@code 90-B3-D5-1F-30-01-00-00}. */
  @Override
  public String toString() {
    return HYPHENATED.formatHex(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Eui64 other && other.value == value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }

  /** Orders as unsigned 64-bit numbers, i.e. as the hex text sorts. */
  @Override
  public int compareTo(Eui64 o) {
    return Long.compareUnsigned(value, o.value);
  }
}
