package io.dccsim.core.gbcs;

/**
 * The ZCL header of a GBZ component: frame control, transaction sequence number and command ID, one
 * byte each.
 *
 * @param frameControl the frame control byte
 * @param transactionSequence the transaction sequence number
 * @param commandId the command ID
 */
public record ZclHeader(int frameControl, int transactionSequence, int commandId) {
  /** A header. */
  public ZclHeader {
    byteValue("frameControl", frameControl);
    byteValue("transactionSequence", transactionSequence);
    byteValue("commandId", commandId);
  }

  static void byteValue(String name, int v) {
    if (v < 0 || v > 0xFF) {
      throw new IllegalArgumentException(name + " is one byte: " + v);
    }
  }
}
