package io.dccsim.sim.control;

import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to the control API, independent of the transport.
 *
 * @param method e.g. {@code GET}
 * @param uri the path and query, e.g. {@code /control/journal?postcode=M22%200RR}
 * @param authorization the {@code Authorization} header, when sent
 * @param body the request body (empty when none)
 */
public record ControlRequest(
    String method, String uri, Optional<String> authorization, byte[] body) {

  /** Validates and copies. */
  public ControlRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(authorization, "authorization");
    body = Objects.requireNonNull(body, "body").clone();
  }

  /** The body (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }
}
