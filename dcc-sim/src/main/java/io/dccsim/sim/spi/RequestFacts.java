package io.dccsim.sim.spi;

import io.dccsim.core.value.Eui64;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline knows about a request once it has been parsed and its signer authenticated.
 * Identity values are in their canonical text forms (postcode normalised, e.g. {@code M22 0RR}).
 *
 * @param path the URL path it arrived on, e.g. {@code /api/v1/serviceD}
 * @param remoteAddress the peer's address, e.g. {@code 127.0.0.1:53122}
 * @param originator the RequestID's originator EUI
 * @param requestId the RequestID text
 * @param serviceReference e.g. {@code 12.1}
 * @param serviceReferenceVariant e.g. {@code 12.1}
 * @param postcode the SR 12.1 postcode, normalised, when the request carried one
 * @param uprn the SR 12.1 UPRN, when the request carried one
 */
public record RequestFacts(
    String path,
    String remoteAddress,
    Optional<Eui64> originator,
    Optional<String> requestId,
    Optional<String> serviceReference,
    Optional<String> serviceReferenceVariant,
    Optional<String> postcode,
    Optional<String> uprn) {

  /** Validates. */
  public RequestFacts {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(originator, "originator");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(serviceReference, "serviceReference");
    Objects.requireNonNull(serviceReferenceVariant, "serviceReferenceVariant");
    Objects.requireNonNull(postcode, "postcode");
    Objects.requireNonNull(uprn, "uprn");
  }
}
