package io.dccsim.core.client;

/**
 * The request could not be delivered or its answer not received: connection refused or reset, TLS
 * failure, timeout, interruption, or an answer larger than allowed.
 */
public final class DuisTransportException extends DuisClientException {
  private static final long serialVersionUID = 1L;

  /** A transport failure. */
  public DuisTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
