package io.dccsim.core.client;

import java.util.Objects;

/**
 * What a {@link DuisTransport} received: the HTTP status and the body bytes.
 *
 * @param status the HTTP status code
 * @param body the body, possibly empty
 */
public record TransportResponse(int status, byte[] body) {
  /** Requires a body (empty when there was none). */
  public TransportResponse {
    Objects.requireNonNull(body, "body");
  }

  /** Whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
