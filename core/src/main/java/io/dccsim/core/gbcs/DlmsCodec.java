package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The A-XDR encoding of {@link DlmsData}. */
final class DlmsCodec {
  private DlmsCodec() {}

  static void write(GbcsWriter out, DlmsData d) {
    out.u8(d.tag());
    if (d instanceof DlmsData.Array a) {
      writeAll(out, a.elements());
    } else if (d instanceof DlmsData.Structure s) {
      writeAll(out, s.elements());
    } else if (d instanceof DlmsData.Bool b) {
      // true as FF, the form of the DCC's public reference data; any non-zero octet reads true
      out.u8(b.value() ? 0xFF : 0);
    } else if (d instanceof DlmsData.Int32 v) {
      out.u32(v.value());
    } else if (d instanceof DlmsData.UInt32 v) {
      out.u32(v.value());
    } else if (d instanceof DlmsData.OctetString v) {
      out.lengthPrefixed(v.value().unsafeBytes());
    } else if (d instanceof DlmsData.VisibleString v) {
      out.lengthPrefixed(v.bytes());
    } else if (d instanceof DlmsData.Int8 v) {
      out.u8(v.value());
    } else if (d instanceof DlmsData.Int16 v) {
      out.u16(v.value());
    } else if (d instanceof DlmsData.UInt8 v) {
      out.u8(v.value());
    } else if (d instanceof DlmsData.UInt16 v) {
      out.u16(v.value());
    } else if (d instanceof DlmsData.Int64 v) {
      out.u64(v.value());
    } else if (d instanceof DlmsData.UInt64 v) {
      out.u64(v.bits());
    } else if (d instanceof DlmsData.Enumerated v) {
      out.u8(v.value());
    } else if (d instanceof DlmsData.DateTime v) {
      v.value().write(out);
    }
    // NullData: the tag alone.
  }

  static void writeAll(GbcsWriter out, List<DlmsData> elements) {
    out.berLength(elements.size());
    for (DlmsData e : elements) {
      write(out, e);
    }
  }

  static DlmsData read(GbcsReader in, int depth) {
    int at = in.offset();
    int tag = in.u8("DLMS data tag");
    return switch (tag) {
      case 0x00 -> new DlmsData.NullData();
      case 0x01 -> new DlmsData.Array(readAll(in, depth, "array", at));
      case 0x02 -> new DlmsData.Structure(readAll(in, depth, "structure", at));
      case 0x03 -> new DlmsData.Bool(in.u8("boolean") != 0);
      case 0x05 -> new DlmsData.Int32((int) in.u32("double-long"));
      case 0x06 -> new DlmsData.UInt32(in.u32("double-long-unsigned"));
      case 0x09 -> {
        int n = in.berLength("octet-string");
        yield new DlmsData.OctetString(Octets.wrap(in.bytes(n, "octet-string")));
      }
      case 0x0A -> {
        int n = in.berLength("visible-string");
        int from = in.offset();
        byte[] b = in.bytes(n, "visible-string");
        for (int i = 0; i < b.length; i++) {
          if (b[i] < 0x20 || b[i] > 0x7E) {
            throw new GbcsFormatException(
                String.format("visible-string byte %02X is not printable ASCII", b[i] & 0xFF),
                from + i);
          }
        }
        yield new DlmsData.VisibleString(new String(b, StandardCharsets.US_ASCII));
      }
      case 0x0F -> new DlmsData.Int8((byte) in.u8("integer"));
      case 0x10 -> new DlmsData.Int16((short) in.u16("long"));
      case 0x11 -> new DlmsData.UInt8(in.u8("unsigned"));
      case 0x12 -> new DlmsData.UInt16(in.u16("long-unsigned"));
      case 0x14 -> new DlmsData.Int64(in.u64("long64"));
      case 0x15 -> new DlmsData.UInt64(in.u64("long64-unsigned"));
      case 0x16 -> new DlmsData.Enumerated(in.u8("enum"));
      case 0x19 -> new DlmsData.DateTime(DlmsDateTime.read(in));
      default ->
          throw new GbcsFormatException(
              String.format("DLMS data tag %02X is not one this codec reads", tag), at);
    };
  }

  static List<DlmsData> readAll(GbcsReader in, int depth, String what, int at) {
    if (depth >= DlmsData.MAX_DEPTH) {
      throw new GbcsFormatException(
          what + " nested deeper than " + DlmsData.MAX_DEPTH + " levels", at);
    }
    int count = in.berLength(what + " count"); // each element is at least one byte
    List<DlmsData> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(read(in, depth + 1));
    }
    return out;
  }

  /** A list of values read at the top level of an APDU (a SEQUENCE OF Data). */
  static List<DlmsData> readList(GbcsReader in, String what) {
    int count = in.berLength(what + " count");
    List<DlmsData> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(read(in, 0));
    }
    return out;
  }
}
