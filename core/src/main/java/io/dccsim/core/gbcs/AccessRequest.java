package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DLMS Access-Request, the content of a command: {@code D9}, the long-invoke-id-and-priority (4
 * bytes), the date-time ({@code 00} or {@code 0C} and 12 bytes), the access-request-specifications
 * (a count and each) and the access-request-list-of-data (a count and each value; {@code null-data}
 * for a get).
 *
 * @param invokeIdAndPriority 4 bytes
 * @param dateTime the date-time, if any
 * @param specifications what is asked
 * @param data one value per specification
 */
public record AccessRequest(
    long invokeIdAndPriority,
    Optional<DlmsDateTime> dateTime,
    List<AccessRequestSpecification> specifications,
    List<DlmsData> data)
    implements DlmsApdu {
  /** The tag. */
  public static final int TAG = 0xD9;

  /** An Access-Request; the lists are copied. */
  public AccessRequest {
    checkInvokeId(invokeIdAndPriority);
    Objects.requireNonNull(dateTime, "dateTime");
    specifications = List.copyOf(specifications);
    data = List.copyOf(data);
  }

  static void checkInvokeId(long invokeIdAndPriority) {
    if (invokeIdAndPriority < 0 || invokeIdAndPriority > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "long-invoke-id-and-priority is 4 bytes: " + invokeIdAndPriority);
    }
  }

  @Override
  public byte[] encode() {
    GbcsWriter out = new GbcsWriter(64);
    out.u8(TAG).u32(invokeIdAndPriority);
    DlmsDateTime.writeOptional(out, dateTime);
    AccessRequestSpecification.writeAll(out, specifications);
    DlmsCodec.writeAll(out, data);
    return out.toByteArray();
  }

  static AccessRequest read(GbcsReader in) {
    in.expect(TAG, "Access-Request tag");
    long id = in.u32("long-invoke-id-and-priority");
    Optional<DlmsDateTime> t = DlmsDateTime.readOptional(in, "Access-Request date-time");
    List<AccessRequestSpecification> specs = AccessRequestSpecification.readAll(in);
    List<DlmsData> data = DlmsCodec.readList(in, "access-request-list-of-data");
    return new AccessRequest(id, t, specs, data);
  }
}
