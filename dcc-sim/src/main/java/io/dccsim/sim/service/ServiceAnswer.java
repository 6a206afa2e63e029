package io.dccsim.sim.service;

import io.dccsim.core.message.ResponseBody;
import io.dccsim.core.value.ResponseCode;
import java.util.Objects;

/**
 * A handler's answer: the response code and the body.
 *
 * @param responseCode e.g. {@code I0}, {@code E120101}
 * @param body the response body (core's message model)
 */
public record ServiceAnswer(ResponseCode responseCode, ResponseBody body) {
  /** Validates. */
  public ServiceAnswer {
    Objects.requireNonNull(responseCode, "responseCode");
    Objects.requireNonNull(body, "body");
  }
}
