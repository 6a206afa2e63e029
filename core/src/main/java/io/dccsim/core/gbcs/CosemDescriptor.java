package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import java.util.Objects;

/**
 * A COSEM attribute or method descriptor: the interface class (2 bytes), the instance's OBIS code
 * (6 bytes) and the attribute or method number (1 byte).
 *
 * @param classId 0..65535
 * @param instanceId the 6-byte OBIS code
 * @param id the attribute or method, 0..255
 */
public record CosemDescriptor(int classId, Octets instanceId, int id) {
  /** A descriptor. */
  public CosemDescriptor {
    Objects.requireNonNull(instanceId, "instanceId");
    if (classId < 0 || classId > 0xFFFF) {
      throw new IllegalArgumentException("a class ID is two bytes: " + classId);
    }
    if (instanceId.length() != 6) {
      throw new IllegalArgumentException("an OBIS code is 6 bytes, not " + instanceId.length());
    }
    if (id < 0 || id > 0xFF) {
      throw new IllegalArgumentException("an attribute or method is one byte: " + id);
    }
  }

  void write(GbcsWriter out) {
    out.u16(classId).bytes(instanceId.unsafeBytes()).u8(id);
  }

  static CosemDescriptor read(GbcsReader in) {
    return new CosemDescriptor(
        in.u16("class ID"), Octets.wrap(in.bytes(6, "instance ID")), in.u8("attribute ID"));
  }
}
