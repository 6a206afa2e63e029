package io.dccsim.core.gbcs.internal;

import io.dccsim.core.gbcs.GbcsFormatException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A cursor over bytes that refuses, with a {@link GbcsFormatException} naming the offset, every
 * read past the end of its window. A window is part of an array: a nested length opens a smaller
 * one with {@link #window(int, String)}.
 */
public final class GbcsReader {
  private final byte[] bytes;
  private final int base;
  private final int end;
  private int position;

  private GbcsReader(byte[] bytes, int from, int end, int base) {
    this.bytes = bytes;
    this.position = from;
    this.end = end;
    this.base = base;
  }

  /** A reader over all of {@code bytes} (not copied: the caller must not change them). */
  public static GbcsReader of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new GbcsReader(bytes, 0, bytes.length, 0);
  }

  /** The offset of the next byte, from the start of the outermost reader. */
  public int offset() {
    return position - base;
  }

  /** How many bytes are left in this window. */
  public int remaining() {
    return end - position;
  }

  /** True when nothing is left. */
  public boolean atEnd() {
    return position == end;
  }

  /** A refusal at the current offset. */
  public GbcsFormatException error(String message) {
    return new GbcsFormatException(message, offset());
  }

  /** Refuses unless the window is used up. */
  public void requireEnd(String what) {
    if (!atEnd()) {
      throw error(remaining() + " bytes left over after " + what);
    }
  }

  private void need(int n, String what) {
    if (n < 0 || n > remaining()) {
      throw error(what + " needs " + n + " bytes, " + remaining() + " left");
    }
  }

  /** The next byte without consuming it, as 0..255. */
  public int peek(String what) {
    need(1, what);
    return bytes[position] & 0xFF;
  }

  /** One byte, 0..255. */
  public int u8(String what) {
    need(1, what);
    return bytes[position++] & 0xFF;
  }

  /** Two bytes big-endian, 0..65535. */
  public int u16(String what) {
    need(2, what);
    int v = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
    position += 2;
    return v;
  }

  /** Four bytes big-endian, unsigned. */
  public long u32(String what) {
    need(4, what);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (bytes[position + i] & 0xFF);
    }
    position += 4;
    return v;
  }

  /** Eight bytes big-endian, as the 64 bits of a long. */
  public long u64(String what) {
    need(8, what);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (bytes[position + i] & 0xFF);
    }
    position += 8;
    return v;
  }

  /** The next {@code n} bytes, copied. */
  public byte[] bytes(int n, String what) {
    need(n, what);
    byte[] out = Arrays.copyOfRange(bytes, position, position + n);
    position += n;
    return out;
  }

  /** Refuses unless the next byte is {@code expected}. */
  public void expect(int expected, String what) {
    int at = offset();
    int b = u8(what);
    if (b != expected) {
      throw new GbcsFormatException(
          String.format("%s: expected %02X, found %02X", what, expected, b), at);
    }
  }

  /**
   * A BER length: one byte below {@code 0x80}, {@code 81 nn} for 128..255, {@code 82 nnnn} for
   * 256..65535, each in its shortest form; never more than what is left in this window.
   */
  public int berLength(String what) {
    int at = offset();
    int first = u8(what + " length");
    int n;
    if (first < 0x80) {
      n = first;
    } else if (first == 0x81) {
      n = u8(what + " length");
      if (n < 0x80) {
        throw new GbcsFormatException(what + " length " + n + " not in its shortest form", at);
      }
    } else if (first == 0x82) {
      n = u16(what + " length");
      if (n < 0x100) {
        throw new GbcsFormatException(what + " length " + n + " not in its shortest form", at);
      }
    } else {
      throw new GbcsFormatException(
          String.format("%s length: %02X is not a BER length this codec reads", what, first), at);
    }
    if (n > remaining()) {
      throw new GbcsFormatException(
          what + " length " + n + " is more than the " + remaining() + " bytes left", at);
    }
    return n;
  }

  /**
   * A reader over the next {@code n} bytes, which this reader skips; offsets stay those of the
   * outermost reader.
   */
  public GbcsReader window(int n, String what) {
    need(n, what);
    GbcsReader inner = new GbcsReader(bytes, position, position + n, base);
    position += n;
    return inner;
  }

  /**
   * The bytes of this window already read, from {@code fromOffset} (an earlier {@link #offset}).
   */
  public byte[] consumedSince(int fromOffset) {
    return Arrays.copyOfRange(bytes, base + fromOffset, position);
  }
}
