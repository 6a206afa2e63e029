package io.dccsim.core.client;

/** A {@link DuisClient} call that did not produce a verified, readable response. */
public abstract class DuisClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause} (may be null). */
  protected DuisClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
