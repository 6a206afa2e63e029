package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;

/**
 * The DLMS content of a General-Signing APDU: an {@link AccessRequest} ({@code D9}, a command), an
 * {@link AccessResponse} ({@code DA}, a response) or a {@link DataNotification} ({@code 0F}, an
 * alert).
 */
public sealed interface DlmsApdu permits AccessRequest, AccessResponse, DataNotification {

  /** The long-invoke-id-and-priority (4 bytes). */
  long invokeIdAndPriority();

  /** The bytes. */
  byte[] encode();

  /**
   * Reads exactly one DLMS APDU, by its tag.
   *
   * @throws GbcsFormatException for another tag or a malformed APDU
   */
  static DlmsApdu decode(byte[] bytes) {
    GbcsReader in = GbcsReader.of(bytes);
    int tag = in.peek("DLMS APDU tag");
    DlmsApdu apdu =
        switch (tag) {
          case AccessRequest.TAG -> AccessRequest.read(in);
          case AccessResponse.TAG -> AccessResponse.read(in);
          case DataNotification.TAG -> DataNotification.read(in);
          default ->
              throw in.error(
                  String.format(
                      "DLMS APDU tag %02X (D9 Access-Request, DA Access-Response or 0F"
                          + " Data-Notification expected)",
                      tag));
        };
    in.requireEnd("the DLMS APDU");
    return apdu;
  }

  /** Reads {@code content} as a DLMS APDU; see {@link #decode(byte[])}. */
  static DlmsApdu decode(Octets content) {
    return decode(content.unsafeBytes());
  }
}
