package io.dccsim.smki.extract;

/** An extract could not be written, read or verified; the message says what and where. */
public class ExtractException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message. */
  public ExtractException(String message) {
    super(message);
  }

  /** With a message and a cause. */
  public ExtractException(String message, Throwable cause) {
    super(message, cause);
  }
}
