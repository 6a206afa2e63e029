package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DLMS Access-Response, the content of a response: {@code DA}, the long-invoke-id-and-priority (4
 * bytes), the date-time ({@code 00} or {@code 0C} and 12 bytes), the access-request-specifications
 * if echoed ({@code 00} when absent, else {@code 01}, a count and each), the
 * access-response-list-of-data (a count and each value) and the access-response-specifications (a
 * count and, for each, its CHOICE tag and result byte).
 *
 * @param invokeIdAndPriority 4 bytes
 * @param dateTime the date-time, if any
 * @param requestSpecifications the request's specifications, if echoed
 * @param data one value per request (the register values, encrypted or not)
 * @param results one result per request
 */
public record AccessResponse(
    long invokeIdAndPriority,
    Optional<DlmsDateTime> dateTime,
    Optional<List<AccessRequestSpecification>> requestSpecifications,
    List<DlmsData> data,
    List<AccessResult> results)
    implements DlmsApdu {
  /** The tag. */
  public static final int TAG = 0xDA;

  /** An Access-Response; the lists are copied. */
  public AccessResponse {
    AccessRequest.checkInvokeId(invokeIdAndPriority);
    Objects.requireNonNull(dateTime, "dateTime");
    requestSpecifications = requestSpecifications.map(List::copyOf);
    data = List.copyOf(data);
    results = List.copyOf(results);
  }

  /** A response of successful gets, one per value, with no date-time and no echoed request. */
  public static AccessResponse ofGets(long invokeIdAndPriority, List<DlmsData> data) {
    return new AccessResponse(
        invokeIdAndPriority,
        Optional.empty(),
        Optional.empty(),
        data,
        data.stream().map(d -> AccessResult.getSuccess()).toList());
  }

  @Override
  public byte[] encode() {
    GbcsWriter out = new GbcsWriter(64);
    out.u8(TAG).u32(invokeIdAndPriority);
    DlmsDateTime.writeOptional(out, dateTime);
    if (requestSpecifications.isPresent()) {
      out.u8(1);
      AccessRequestSpecification.writeAll(out, requestSpecifications.get());
    } else {
      out.u8(0);
    }
    DlmsCodec.writeAll(out, data);
    AccessResult.writeAll(out, results);
    return out.toByteArray();
  }

  static AccessResponse read(GbcsReader in) {
    in.expect(TAG, "Access-Response tag");
    long id = in.u32("long-invoke-id-and-priority");
    Optional<DlmsDateTime> t = DlmsDateTime.readOptional(in, "Access-Response date-time");
    int at = in.offset();
    int present = in.u8("access-request-specification presence");
    Optional<List<AccessRequestSpecification>> specs;
    if (present == 0) {
      specs = Optional.empty();
    } else if (present == 1) {
      specs = Optional.of(AccessRequestSpecification.readAll(in));
    } else {
      throw new GbcsFormatException(
          String.format("access-request-specification presence %02X (00 or 01)", present), at);
    }
    List<DlmsData> data = DlmsCodec.readList(in, "access-response-list-of-data");
    List<AccessResult> results = AccessResult.readAll(in);
    return new AccessResponse(id, t, specs, data, results);
  }
}
