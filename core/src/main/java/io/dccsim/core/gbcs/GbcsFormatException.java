package io.dccsim.core.gbcs;

/**
 * Bytes that are not a GBCS form this codec reads: cut short, a length that does not fit, a tag or
 * flag out of range, bytes left over. The message says what was expected and at which offset
 * (counted from the start of the bytes given to the decoder that failed).
 */
public final class GbcsFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  /** A refusal at {@code offset} of the bytes being read. */
  public GbcsFormatException(String message, int offset) {
    super(message + " (at offset " + offset + ")");
    this.offset = offset;
  }

  /** Where in the bytes being read the problem was found. */
  public int offset() {
    return offset;
  }
}
