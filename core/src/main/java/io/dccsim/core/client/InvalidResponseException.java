package io.dccsim.core.client;

/**
 * The answer was signed by the DCC but is not a response to the request sent: not a readable DUIS
 * Service Response, an answer to another Request ID, or the wrong kind of body.
 */
public final class InvalidResponseException extends DuisClientException {
  private static final long serialVersionUID = 1L;

  /** An invalid response. */
  public InvalidResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
