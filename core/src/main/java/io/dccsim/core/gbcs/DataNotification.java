package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * A DLMS Data-Notification, the content of an alert: {@code 0F}, the long-invoke-id-and-priority (4
 * bytes), the date-time ({@code 00} or {@code 0C} and 12 bytes) and the notification body (one
 * {@link DlmsData} value, typically a structure holding the alert code and what it reports).
 *
 * @param invokeIdAndPriority 4 bytes
 * @param dateTime the date-time, if any
 * @param body the notification body
 */
public record DataNotification(
    long invokeIdAndPriority, Optional<DlmsDateTime> dateTime, DlmsData body) implements DlmsApdu {
  /** The tag. */
  public static final int TAG = 0x0F;

  /** A Data-Notification. */
  public DataNotification {
    AccessRequest.checkInvokeId(invokeIdAndPriority);
    Objects.requireNonNull(dateTime, "dateTime");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public byte[] encode() {
    GbcsWriter out = new GbcsWriter(32);
    out.u8(TAG).u32(invokeIdAndPriority);
    DlmsDateTime.writeOptional(out, dateTime);
    DlmsCodec.write(out, body);
    return out.toByteArray();
  }

  static DataNotification read(GbcsReader in) {
    in.expect(TAG, "Data-Notification tag");
    long id = in.u32("long-invoke-id-and-priority");
    Optional<DlmsDateTime> t = DlmsDateTime.readOptional(in, "Data-Notification date-time");
    return new DataNotification(id, t, DlmsCodec.read(in, 0));
  }
}
