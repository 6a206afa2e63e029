package io.dccsim.core.gbcs;

import java.util.Objects;

/**
 * An AES-128 key from the {@link KeyDerivation key derivation}: 16 bytes, for one message's MAC or
 * its sensitive data. {@link #toString()} does not show it.
 *
 * @param bytes the 16 bytes
 */
public record DerivedKey(Octets bytes) {
  /** The length of an AES-128 key. */
  public static final int LENGTH = 16;

  /**
   * A key.
   *
   * @throws IllegalArgumentException unless 16 bytes
   */
  public DerivedKey {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length() != LENGTH) {
      throw new IllegalArgumentException("an AES-128 key is 16 bytes, not " + bytes.length());
    }
  }

  byte[] raw() {
    return bytes.unsafeBytes();
  }

  @Override
  public String toString() {
    return "DerivedKey[16 bytes]";
  }
}
