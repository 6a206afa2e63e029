package io.dccsim.core.client;

import io.dccsim.core.message.ServiceResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A Service Request sent the DCC's asynchronous way: the {@link #acknowledgement()} the DCC
 * answered at once, and the {@link #response()} that completes with the final answer. When the DCC
 * acknowledged {@code I99}, that is the signed response it delivers later to the User's receiving
 * endpoint ({@code I0} with the device's GBCS, or {@code E20}, {@code E21}...); when it answered at
 * once with anything else (an error, a command for local delivery, a pre-command), the future holds
 * that answer already.
 *
 * @param acknowledgement the verified answer to the HTTP request
 * @param response the final answer
 */
public record AsyncResponse(
    ServiceResponse acknowledgement, CompletableFuture<ServiceResponse> response) {

  /** Validates. */
  public AsyncResponse {
    Objects.requireNonNull(acknowledgement, "acknowledgement");
    Objects.requireNonNull(response, "response");
  }

  /** Whether the DCC acknowledged {@code I99}, so that the final answer comes later. */
  public boolean isAcknowledged() {
    return acknowledgement.header().responseCode().code().equals("I99");
  }

  /**
   * Waits for the final answer.
   *
   * @throws ResponseTimeoutException when it did not arrive within {@code timeout}
   */
  public ServiceResponse await(Duration timeout) {
    return ResponseReceiver.await(
        response,
        timeout,
        "the response to "
            + acknowledgement.header().requestId().map(Object::toString).orElse("the request"),
        null);
  }
}
