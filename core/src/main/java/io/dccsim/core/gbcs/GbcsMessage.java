package io.dccsim.core.gbcs;

/**
 * A GBCS message as this codec reads it: a MACed {@link GeneralCiphering} frame, or a bare {@link
 * GeneralSigning} APDU (pre-commands and signed commands).
 */
public sealed interface GbcsMessage permits GeneralCiphering, GeneralSigning {

  /** The General-Signing APDU: the message itself, or the one the frame carries. */
  GeneralSigning generalSigning();

  /** The bytes. */
  byte[] encode();

  /**
   * Reads {@code bytes}: a General-Ciphering frame when they begin {@code DD 00 00 00 00 00 00}, a
   * General-Signing APDU when they begin {@code DF 09}.
   *
   * @throws GbcsFormatException for anything else (a GBT block transfer, {@code DD} and a non-zero
   *     byte, included), or a malformed message
   */
  static GbcsMessage decode(byte[] bytes) {
    if (bytes.length > 0 && (bytes[0] & 0xFF) == GeneralCiphering.TAG) {
      return GeneralCiphering.decode(bytes);
    }
    if (bytes.length > 0 && (bytes[0] & 0xFF) == GeneralSigning.TAG) {
      return GeneralSigning.decode(bytes);
    }
    throw new GbcsFormatException(
        bytes.length == 0
            ? "no bytes: a GBCS message begins DD or DF"
            : String.format("a GBCS message begins DD or DF, not %02X", bytes[0] & 0xFF),
        0);
  }
}
