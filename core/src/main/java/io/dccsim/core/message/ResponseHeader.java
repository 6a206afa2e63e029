package io.dccsim.core.message;

import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The header of a DUIS Service Response. Non-device responses carry no Response ID.
 *
 * @param requestId the Request ID answered, if any
 * @param responseId the Response ID, for device responses and alerts
 * @param responseCode the outcome
 * @param responseDateTime when the response was made (written in UTC)
 */
public record ResponseHeader(
    Optional<RequestId> requestId,
    Optional<RequestId> responseId,
    ResponseCode responseCode,
    Instant responseDateTime) {

  /** Checks every part is present. */
  public ResponseHeader {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(responseId, "responseId");
    Objects.requireNonNull(responseCode, "responseCode");
    Objects.requireNonNull(responseDateTime, "responseDateTime");
  }

  /** The header of a non-device response to {@code requestId}. */
  public static ResponseHeader answering(
      RequestId requestId, ResponseCode responseCode, Instant responseDateTime) {
    return new ResponseHeader(
        Optional.of(requestId), Optional.empty(), responseCode, responseDateTime);
  }
}
