package io.dccsim.core.gbcs;

/**
 * The two-byte GBCS message code of a use case, carried in the grouping header's other information;
 * for an alert, the alert code. The constants are the use cases the simulated devices build: the
 * common reads and the first critical commands.
 *
 * @param value 0..65535
 */
public record MessageCode(int value) {
  /** ECS17b, Read Instantaneous Import Registers, electricity (SR 4.1.1). */
  public static final MessageCode ECS17B = new MessageCode(0x0027);

  /** ECS21a, Retrieve Import Daily Read Log, electricity (SR 4.6.1). */
  public static final MessageCode ECS21A = new MessageCode(0x0033);

  /** ECS22b, Read Profile Data (half-hourly), electricity (SR 4.8.1). */
  public static final MessageCode ECS22B = new MessageCode(0x0037);

  /** ECS52, Read Firmware Version, electricity (SR 11.2). */
  public static final MessageCode ECS52 = new MessageCode(0x0059);

  /** GCS13a, Read Instantaneous Import Registers, gas (SR 4.1.1). */
  public static final MessageCode GCS13A = new MessageCode(0x0074);

  /** GCS16a, Retrieve Import Daily Read Log, gas (SR 4.6.1). */
  public static final MessageCode GCS16A = new MessageCode(0x0077);

  /** GCS17, Read Profile Data, gas (SR 4.8.1). */
  public static final MessageCode GCS17 = new MessageCode(0x0078);

  /** GCS38, Read Firmware Version, gas (SR 11.2). */
  public static final MessageCode GCS38 = new MessageCode(0x0084);

  /** ECS01a, Update Import Tariff (Primary Element) on the ESME (SR 1.1.1). */
  public static final MessageCode ECS01A = new MessageCode(0x0019);

  /** ECS42, Remotely Close the Load Switch on the ESME (SR 7.1 Enable Supply). */
  public static final MessageCode ECS42 = new MessageCode(0x004F);

  /** ECS43, Remotely Open the Load Switch on the ESME (SR 7.2 Disable Supply). */
  public static final MessageCode ECS43 = new MessageCode(0x0050);

  /** ECS44, Arm Load Switch in the ESME (SR 7.3 Arm Supply). */
  public static final MessageCode ECS44 = new MessageCode(0x0051);

  /** ECS70, Set Clock on the ESME. */
  public static final MessageCode ECS70 = new MessageCode(0x0062);

  /** GCS28, Set Clock on the GSME. */
  public static final MessageCode GCS28 = new MessageCode(0x007F);

  /** GCS32, Remotely Close the Valve in the GSME (SR 7.2 Disable Supply). */
  public static final MessageCode GCS32 = new MessageCode(0x0081);

  /** GCS39, Arm Valve in the GSME (SR 7.3 Arm Supply). */
  public static final MessageCode GCS39 = new MessageCode(0x0085);

  /**
   * A message code.
   *
   * @throws IllegalArgumentException outside 0..65535
   */
  public MessageCode {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException("a message code is two bytes, not " + value);
    }
  }

  /** The code as four hex digits, e.g. {@code 0x0027}. */
  @Override
  public String toString() {
    return String.format("0x%04X", value);
  }
}
