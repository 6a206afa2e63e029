package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A DLMS {@code Data} value in its A-XDR encoding: a tag byte and the value. The types this codec
 * reads are those GBCS responses and alerts carry; any other tag is refused. Arrays and structures
 * nest at most {@value #MAX_DEPTH} deep.
 */
public sealed interface DlmsData {
  /** The deepest nesting of arrays and structures read. */
  int MAX_DEPTH = 16;

  /** The tag byte. */
  int tag();

  /** The encoding: the tag and the value. */
  default byte[] encode() {
    GbcsWriter out = new GbcsWriter(16);
    DlmsCodec.write(out, this);
    return out.toByteArray();
  }

  /**
   * Reads exactly one value.
   *
   * @throws GbcsFormatException when {@code bytes} are not one value with nothing after it
   */
  static DlmsData decode(byte[] bytes) {
    GbcsReader in = GbcsReader.of(bytes);
    DlmsData d = DlmsCodec.read(in, 0);
    in.requireEnd("the DLMS data");
    return d;
  }

  /** {@code null-data} ({@code 00}). */
  record NullData() implements DlmsData {
    @Override
    public int tag() {
      return 0x00;
    }
  }

  /**
   * {@code array} ({@code 01}): a sequence of elements (DLMS wants them of one type; the codec does
   * not check that).
   *
   * @param elements the elements
   */
  record Array(List<DlmsData> elements) implements DlmsData {
    /** An array; the list is copied. */
    public Array {
      elements = List.copyOf(elements);
    }

    @Override
    public int tag() {
      return 0x01;
    }
  }

  /**
   * {@code structure} ({@code 02}).
   *
   * @param elements the members
   */
  record Structure(List<DlmsData> elements) implements DlmsData {
    /** A structure; the list is copied. */
    public Structure {
      elements = List.copyOf(elements);
    }

    /** A structure of {@code elements}. */
    public static Structure of(DlmsData... elements) {
      return new Structure(List.of(elements));
    }

    @Override
    public int tag() {
      return 0x02;
    }
  }

  /**
   * {@code boolean} ({@code 03}), encoded {@code 00} or {@code FF}; any non-zero octet reads true.
   *
   * @param value the value
   */
  record Bool(boolean value) implements DlmsData {
    @Override
    public int tag() {
      return 0x03;
    }
  }

  /**
   * {@code double-long} ({@code 05}): a signed 32-bit integer.
   *
   * @param value the value
   */
  record Int32(int value) implements DlmsData {
    @Override
    public int tag() {
      return 0x05;
    }
  }

  /**
   * {@code double-long-unsigned} ({@code 06}): an unsigned 32-bit integer, the register values of
   * an electricity meter among them.
   *
   * @param value 0..4294967295
   */
  record UInt32(long value) implements DlmsData {
    /** A value in range. */
    public UInt32 {
      if (value < 0 || value > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("double-long-unsigned is 0..2^32-1, not " + value);
      }
    }

    @Override
    public int tag() {
      return 0x06;
    }
  }

  /**
   * {@code octet-string} ({@code 09}): a BER length and the bytes.
   *
   * @param value the bytes
   */
  record OctetString(Octets value) implements DlmsData {
    /** An octet string of at most 65535 bytes. */
    public OctetString {
      Objects.requireNonNull(value, "value");
      if (value.length() > GbcsWriter.MAX_LENGTH) {
        throw new IllegalArgumentException("an octet string of " + value.length() + " bytes");
      }
    }

    /** An octet string of {@code bytes}, copied. */
    public static OctetString of(byte... bytes) {
      return new OctetString(Octets.of(bytes));
    }

    @Override
    public int tag() {
      return 0x09;
    }
  }

  /**
   * {@code visible-string} ({@code 0A}): printable ASCII.
   *
   * @param value characters 0x20..0x7E
   */
  record VisibleString(String value) implements DlmsData {
    /** A visible string of printable ASCII. */
    public VisibleString {
      Objects.requireNonNull(value, "value");
      if (value.length() > GbcsWriter.MAX_LENGTH) {
        throw new IllegalArgumentException("a visible string of " + value.length() + " chars");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c > 0x7E) {
          throw new IllegalArgumentException(
              String.format("a visible string holds printable ASCII, not U+%04X", (int) c));
        }
      }
    }

    byte[] bytes() {
      return value.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public int tag() {
      return 0x0A;
    }
  }

  /**
   * {@code integer} ({@code 0F}): a signed byte.
   *
   * @param value -128..127
   */
  record Int8(int value) implements DlmsData {
    /** A value in range. */
    public Int8 {
      if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
        throw new IllegalArgumentException("integer is -128..127, not " + value);
      }
    }

    @Override
    public int tag() {
      return 0x0F;
    }
  }

  /**
   * {@code long} ({@code 10}): a signed 16-bit integer.
   *
   * @param value -32768..32767
   */
  record Int16(int value) implements DlmsData {
    /** A value in range. */
    public Int16 {
      if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
        throw new IllegalArgumentException("long is -32768..32767, not " + value);
      }
    }

    @Override
    public int tag() {
      return 0x10;
    }
  }

  /**
   * {@code unsigned} ({@code 11}): an unsigned byte.
   *
   * @param value 0..255
   */
  record UInt8(int value) implements DlmsData {
    /** A value in range. */
    public UInt8 {
      if (value < 0 || value > 0xFF) {
        throw new IllegalArgumentException("unsigned is 0..255, not " + value);
      }
    }

    @Override
    public int tag() {
      return 0x11;
    }
  }

  /**
   * {@code long-unsigned} ({@code 12}): an unsigned 16-bit integer.
   *
   * @param value 0..65535
   */
  record UInt16(int value) implements DlmsData {
    /** A value in range. */
    public UInt16 {
      if (value < 0 || value > 0xFFFF) {
        throw new IllegalArgumentException("long-unsigned is 0..65535, not " + value);
      }
    }

    @Override
    public int tag() {
      return 0x12;
    }
  }

  /**
   * {@code long64} ({@code 14}): a signed 64-bit integer.
   *
   * @param value the value
   */
  record Int64(long value) implements DlmsData {
    @Override
    public int tag() {
      return 0x14;
    }
  }

  /**
   * {@code long64-unsigned} ({@code 15}): an unsigned 64-bit integer, kept as the 64 bits of a long
   * (read it with {@link Long#toUnsignedString(long)}).
   *
   * @param bits the 64 bits
   */
  record UInt64(long bits) implements DlmsData {
    @Override
    public int tag() {
      return 0x15;
    }
  }

  /**
   * {@code enum} ({@code 16}).
   *
   * @param value 0..255
   */
  record Enumerated(int value) implements DlmsData {
    /** A value in range. */
    public Enumerated {
      if (value < 0 || value > 0xFF) {
        throw new IllegalArgumentException("enum is 0..255, not " + value);
      }
    }

    @Override
    public int tag() {
      return 0x16;
    }
  }

  /**
   * {@code date-time} ({@code 19}): the 12 bytes of a {@link DlmsDateTime}.
   *
   * @param value the date-time
   */
  record DateTime(DlmsDateTime value) implements DlmsData {
    /** A date-time value. */
    public DateTime {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public int tag() {
      return 0x19;
    }
  }
}
