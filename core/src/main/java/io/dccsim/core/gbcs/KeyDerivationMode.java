package io.dccsim.core.gbcs;

/** What a derived key is for: the mode byte of the KDF's OtherInfo. */
public enum KeyDerivationMode {
  /** The MAC of a command ({@code 01}). */
  COMMAND(0x01),
  /** The MAC of a response ({@code 02}). */
  RESPONSE(0x02),
  /** The MAC of an alert ({@code 03}). */
  ALERT(0x03),
  /** The encryption of sensitive data ({@code 04}). */
  ENCRYPTION(0x04);

  private final int code;

  KeyDerivationMode(int code) {
    this.code = code;
  }

  /** The mode byte. */
  public int code() {
    return code;
  }

  /** The MAC mode of a message with flag {@code cra}. */
  public static KeyDerivationMode forMac(CraFlag cra) {
    return switch (cra) {
      case COMMAND -> COMMAND;
      case RESPONSE -> RESPONSE;
      case ALERT -> ALERT;
    };
  }
}
