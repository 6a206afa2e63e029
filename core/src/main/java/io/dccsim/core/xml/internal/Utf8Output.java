package io.dccsim.core.xml.internal;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer with the XML escapes that canonical XML uses. Not thread-safe; reuse
 * one per thread with {@link #reset()}.
 */
public final class Utf8Output {
  private byte[] bytes;
  private int size;

  /** A buffer with room for {@code capacity} bytes before it grows. */
  public Utf8Output(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** Empties the buffer, shrinking it back when an unusually large document made it grow. */
  public void reset() {
    size = 0;
    if (bytes.length > 2 << 20) {
      bytes = new byte[64 * 1024];
    }
  }

  /** Number of bytes written. */
  public int size() {
    return size;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** Feeds the bytes written to {@code digest}. */
  public void updateDigest(MessageDigest digest) {
    digest.update(bytes, 0, size);
  }

  /** The internal array; valid up to {@link #size()} until the next write. */
  public byte[] array() {
    return bytes;
  }

  /** Appends one ASCII character. */
  public void ascii(char c) {
    ensure(1);
    bytes[size++] = (byte) c;
  }

  /** Appends {@code s} as UTF-8, unescaped. */
  public void raw(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes[size++] = (byte) c;
      } else {
        i = encode(s, i);
        ensure(n - i);
      }
    }
  }

  /** Appends character data escaped as canonical XML escapes text: {@code & < > CR}. */
  public void text(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> raw("&amp;");
        case '<' -> raw("&lt;");
        case '>' -> raw("&gt;");
        case '\r' -> raw("&#xD;");
        default -> {
          if (c < 0x80) {
            ensure(1);
            bytes[size++] = (byte) c;
          } else {
            i = encode(s, i);
          }
        }
      }
    }
  }

  /**
   * Appends an attribute value escaped as canonical XML escapes attributes: {@code & < " TAB LF
   * CR}.
   */
  public void attribute(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> raw("&amp;");
        case '<' -> raw("&lt;");
        case '"' -> raw("&quot;");
        case '\t' -> raw("&#x9;");
        case '\n' -> raw("&#xA;");
        case '\r' -> raw("&#xD;");
        default -> {
          if (c < 0x80) {
            ensure(1);
            bytes[size++] = (byte) c;
          } else {
            i = encode(s, i);
          }
        }
      }
    }
  }

  /**
   * Encodes the non-ASCII character (or surrogate pair) at {@code i}; returns the last index used.
   */
  private int encode(String s, int i) {
    ensure(4);
    char c = s.charAt(i);
    if (c < 0x800) {
      bytes[size++] = (byte) (0xC0 | (c >> 6));
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
      return i;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      bytes[size++] = (byte) (0xF0 | (cp >> 18));
      bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      bytes[size++] = (byte) (0x80 | (cp & 0x3F));
      return i + 1;
    }
    if (Character.isSurrogate(c)) {
      throw new IllegalArgumentException("unpaired surrogate in XML text");
    }
    bytes[size++] = (byte) (0xE0 | (c >> 12));
    bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
    bytes[size++] = (byte) (0x80 | (c & 0x3F));
    return i;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      int wanted = Math.max(size + more, bytes.length * 2);
      bytes = Arrays.copyOf(bytes, wanted);
    }
  }
}
