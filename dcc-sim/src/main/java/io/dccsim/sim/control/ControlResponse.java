package io.dccsim.sim.control;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The control API's answer, independent of the transport.
 *
 * @param status the HTTP status
 * @param contentType the body's content type
 * @param headers any further headers
 * @param body the body
 */
public record ControlResponse(
    int status, String contentType, Map<String, String> headers, byte[] body) {

  /** Validates and copies. */
  public ControlResponse {
    Objects.requireNonNull(contentType, "contentType");
    headers = Map.copyOf(headers);
    body = Objects.requireNonNull(body, "body").clone();
  }

  /** The body (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
