package io.dccsim.core.client;

import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.value.ResponseCode;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of an SR 12.1 Request WAN Matrix: the request sent, the verified response, and its
 * results with the WAN variant interpreted. An answer with an error code (for example {@code
 * E120101}) has no entries.
 *
 * @param request the signed request as sent
 * @param response the DCC's response, signature verified
 * @param entries the results, in the order sent
 */
public record WanMatrixResult(
    ServiceRequest request, ServiceResponse response, List<WanMatrixEntry> entries) {
  /** Requires every part; copies the entries. */
  public WanMatrixResult {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
    entries = List.copyOf(entries);
  }

  /** The response code. */
  public ResponseCode responseCode() {
    return response.header().responseCode();
  }
}
