package io.dccsim.core.gbcs;

/** The CRA flag of a grouping header: what kind of message it is. */
public enum CraFlag {
  /** A command to a device ({@code 01}). */
  COMMAND(0x01),
  /** A device's response to a command ({@code 02}). */
  RESPONSE(0x02),
  /** An alert a device raises ({@code 03}). */
  ALERT(0x03);

  private final int code;

  CraFlag(int code) {
    this.code = code;
  }

  /** The byte in the grouping header. */
  public int code() {
    return code;
  }

  /**
   * The flag whose byte is {@code code}.
   *
   * @throws IllegalArgumentException for any other byte
   */
  public static CraFlag of(int code) {
    for (CraFlag f : values()) {
      if (f.code == code) {
        return f;
      }
    }
    throw new IllegalArgumentException(String.format("not a CRA flag: %02X", code));
  }
}
