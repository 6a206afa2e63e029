package io.dccsim.sim.service;

import io.dccsim.core.message.ResponseBody;
import io.dccsim.core.value.ResponseCode;
import java.util.Objects;

/**
 * A handler's answer: the response code, the body, and what must be done before it is sent.
 *
 * @param responseCode e.g. {@code I0}, {@code E120101}
 * @param body the response body (core's message model)
 * @param kept completed once what the answer promises is kept (an acknowledged device request's
 *     response stored durably); the server sends the answer only then, without holding a thread
 *     meanwhile, and answers HTTP 503 instead if it fails
 */
public record ServiceAnswer(
    ResponseCode responseCode, ResponseBody body, java.util.concurrent.CompletableFuture<?> kept) {
  private static final java.util.concurrent.CompletableFuture<?> DONE =
      java.util.concurrent.CompletableFuture.completedFuture(null);

  /** Validates. */
  public ServiceAnswer {
    Objects.requireNonNull(responseCode, "responseCode");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(kept, "kept");
  }

  /** An answer that promises nothing beyond itself. */
  public ServiceAnswer(ResponseCode responseCode, ResponseBody body) {
    this(responseCode, body, DONE);
  }
}
