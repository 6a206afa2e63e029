package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import io.dccsim.core.value.Eui64;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The grouping header's other information: the message code, then at most one of a supplementary
 * remote party (ID and counter, 16 bytes) or a supplementary originator counter (8 bytes). It is
 * encoded as its length ({@code 02}, {@code 12} or {@code 0A}) and those fields.
 *
 * @param messageCode the use case (or alert code)
 * @param supplementaryRemoteParty the User the DSP acts for, if any
 * @param supplementaryOriginatorCounter a supplementary originator counter, if any
 */
public record OtherInformation(
    MessageCode messageCode,
    Optional<SupplementaryRemoteParty> supplementaryRemoteParty,
    OptionalLong supplementaryOriginatorCounter) {

  /**
   * Other information.
   *
   * @throws IllegalArgumentException when both a supplementary remote party and a supplementary
   *     originator counter are given
   */
  public OtherInformation {
    Objects.requireNonNull(messageCode, "messageCode");
    Objects.requireNonNull(supplementaryRemoteParty, "supplementaryRemoteParty");
    Objects.requireNonNull(supplementaryOriginatorCounter, "supplementaryOriginatorCounter");
    if (supplementaryRemoteParty.isPresent() && supplementaryOriginatorCounter.isPresent()) {
      throw new IllegalArgumentException(
          "other information holds a supplementary remote party or a supplementary originator"
              + " counter, not both");
    }
  }

  /** The message code alone. */
  public static OtherInformation of(MessageCode messageCode) {
    return new OtherInformation(messageCode, Optional.empty(), OptionalLong.empty());
  }

  /** The message code and the User the DSP acts for. */
  public static OtherInformation of(MessageCode messageCode, SupplementaryRemoteParty party) {
    return new OtherInformation(messageCode, Optional.of(party), OptionalLong.empty());
  }

  void write(GbcsWriter out) {
    if (supplementaryRemoteParty.isPresent()) {
      out.u8(18).u16(messageCode.value());
      out.bytes(supplementaryRemoteParty.get().id().toBytes());
      out.u64(supplementaryRemoteParty.get().counter());
    } else if (supplementaryOriginatorCounter.isPresent()) {
      out.u8(10).u16(messageCode.value()).u64(supplementaryOriginatorCounter.getAsLong());
    } else {
      out.u8(2).u16(messageCode.value());
    }
  }

  static OtherInformation read(GbcsReader in) {
    int at = in.offset();
    int length = in.berLength("other information");
    MessageCode code;
    switch (length) {
      case 2:
        return of(new MessageCode(in.u16("message code")));
      case 10:
        code = new MessageCode(in.u16("message code"));
        return new OtherInformation(
            code, Optional.empty(), OptionalLong.of(in.u64("supplementary originator counter")));
      case 18:
        code = new MessageCode(in.u16("message code"));
        SupplementaryRemoteParty party =
            new SupplementaryRemoteParty(
                Eui64.fromBytes(in.bytes(8, "supplementary remote party ID")),
                in.u64("supplementary remote party counter"));
        return of(code, party);
      default:
        throw new GbcsFormatException(
            "other information of " + length + " bytes (this codec reads 2, 10 or 18)", at);
    }
  }
}
