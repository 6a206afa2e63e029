package io.dccsim.core.client;

/** What was awaited from the DCC (a response, an alert) did not arrive in time. */
public final class ResponseTimeoutException extends DuisClientException {
  private static final long serialVersionUID = 1L;

  /** {@code message} says what was awaited and for how long. */
  public ResponseTimeoutException(String message) {
    super(message, null);
  }
}
