package io.dccsim.core.gbcs;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable sequence of bytes: the content, signature, MAC and ciphertext of a GBCS message.
 * Equal when the bytes are; {@link #toString()} is the upper-case hex.
 */
public final class Octets {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** No bytes. */
  public static final Octets EMPTY = new Octets(new byte[0]);

  private final byte[] bytes;

  private Octets(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code bytes}. */
  public static Octets of(byte... bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new Octets(bytes.clone());
  }

  /**
   * The bytes written as hex digits, in either case; spaces between them are ignored.
   *
   * @throws IllegalArgumentException when {@code hex} is not an even number of hex digits
   */
  public static Octets fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    return new Octets(HEX.parseHex(hex.replace(" ", "")));
  }

  /** Wraps {@code bytes} without copying them: for this package's decoders, which own them. */
  static Octets wrap(byte[] bytes) {
    return new Octets(bytes);
  }

  /** How many bytes. */
  public int length() {
    return bytes.length;
  }

  /** True when there are none. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** The byte at {@code index}, as 0..255. */
  public int get(int index) {
    return bytes[index] & 0xFF;
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** The bytes, upper-case hex without separators. */
  public String toHex() {
    return HEX.formatHex(bytes);
  }

  /** The bytes without copying them: for this package's encoders, which only read them. */
  byte[] unsafeBytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
