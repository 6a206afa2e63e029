package io.dccsim.core.client;

/**
 * The DCC answered with an HTTP status outside 2xx (for example 400 for a request it could not
 * read, 401 or 403 for a refused client, 503 when busy). Carries the status and the first part of
 * the plain message the server sent.
 */
public final class DuisHttpException extends DuisClientException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String serverMessage;

  /** An answer with {@code status} and the server's short {@code serverMessage}. */
  public DuisHttpException(int status, String serverMessage) {
    super("HTTP " + status + (serverMessage.isEmpty() ? "" : ": " + serverMessage), null);
    this.status = status;
    this.serverMessage = serverMessage;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The server's message, shortened and stripped of control characters; may be empty. */
  public String serverMessage() {
    return serverMessage;
  }
}
