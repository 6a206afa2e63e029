package io.dccsim.sim.pipeline;

import java.util.Objects;

/**
 * The result of a stage that may refuse: accepted, or refused with a response code and a precise
 * reason ({@code tag: detail}, the tag short and stable for metrics).
 *
 * @param responseCode the DUIS code to answer with when refused (empty when accepted)
 * @param reason the precise reason when refused (empty when accepted)
 */
public record Authentication(String responseCode, String reason) {
  /** Validates. */
  public Authentication {
    Objects.requireNonNull(responseCode, "responseCode");
    Objects.requireNonNull(reason, "reason");
  }

  /** Accepted. */
  public static final Authentication ACCEPTED = new Authentication("", "");

  /** Refused. */
  public static Authentication refused(String responseCode, String reason) {
    return new Authentication(responseCode, reason);
  }

  /** Whether accepted. */
  public boolean accepted() {
    return responseCode.isEmpty();
  }
}
