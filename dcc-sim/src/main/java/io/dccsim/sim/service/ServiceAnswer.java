package io.dccsim.sim.service;

import io.dccsim.sim.pipeline.ResponseBody;
import java.util.Objects;

/**
 * A handler's answer: the response code and the SR-specific element.
 *
 * @param responseCode e.g. {@code I0}, {@code E120101}
 * @param body writes the SR-specific element
 */
public record ServiceAnswer(String responseCode, ResponseBody body) {
  /** Validates. */
  public ServiceAnswer {
    Objects.requireNonNull(responseCode, "responseCode");
    Objects.requireNonNull(body, "body");
  }
}
