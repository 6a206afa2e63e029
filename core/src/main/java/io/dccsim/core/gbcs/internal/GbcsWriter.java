package io.dccsim.core.gbcs.internal;

import java.io.ByteArrayOutputStream;

/** Appends GBCS fields: big-endian integers and BER lengths. */
public final class GbcsWriter {
  /** The largest length a BER length of this codec can say ({@code 82 FFFF}). */
  public static final int MAX_LENGTH = 0xFFFF;

  private final ByteArrayOutputStream out;

  /** A writer expecting about {@code size} bytes. */
  public GbcsWriter(int size) {
    out = new ByteArrayOutputStream(size);
  }

  /** One byte (the low 8 bits of {@code b}). */
  public GbcsWriter u8(int b) {
    out.write(b);
    return this;
  }

  /** Two bytes big-endian. */
  public GbcsWriter u16(int v) {
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  /** Four bytes big-endian. */
  public GbcsWriter u32(long v) {
    for (int i = 3; i >= 0; i--) {
      out.write((int) (v >>> (8 * i)));
    }
    return this;
  }

  /** Eight bytes big-endian. */
  public GbcsWriter u64(long v) {
    for (int i = 7; i >= 0; i--) {
      out.write((int) (v >>> (8 * i)));
    }
    return this;
  }

  /** The bytes as they are. */
  public GbcsWriter bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  /**
   * A BER length in its shortest form.
   *
   * @throws IllegalArgumentException when {@code n} is negative or above {@value #MAX_LENGTH}
   */
  public GbcsWriter berLength(int n) {
    if (n < 0 || n > MAX_LENGTH) {
      throw new IllegalArgumentException("a GBCS length is 0.." + MAX_LENGTH + ", not " + n);
    }
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else {
      out.write(0x82);
      u16(n);
    }
    return this;
  }

  /** A BER length and then {@code b}. */
  public GbcsWriter lengthPrefixed(byte[] b) {
    return berLength(b.length).bytes(b);
  }

  /** How many bytes so far. */
  public int size() {
    return out.size();
  }

  /** What was written. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
