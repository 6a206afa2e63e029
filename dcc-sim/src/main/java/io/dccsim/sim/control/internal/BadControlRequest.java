package io.dccsim.sim.control.internal;

/** A client's mistake, answered with 400 and a JSON error; carries no stack trace. */
public final class BadControlRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String error;

  /** A mistake of kind {@code error} (short), explained by {@code detail}. */
  public BadControlRequest(String error, String detail) {
    super(detail, null, false, false);
    this.error = error;
  }

  /** The short error kind, e.g. {@code invalid scenario}. */
  public String error() {
    return error;
  }

  /** What exactly was wrong. */
  public String detail() {
    return getMessage();
  }
}
