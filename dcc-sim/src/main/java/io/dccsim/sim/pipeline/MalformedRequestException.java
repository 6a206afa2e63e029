package io.dccsim.sim.pipeline;

/** The document is not a DUIS request: answered HTTP 400 with the short message. */
public final class MalformedRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A short, client-safe explanation. */
  public MalformedRequestException(String message) {
    super(message, null, false, false);
  }
}
