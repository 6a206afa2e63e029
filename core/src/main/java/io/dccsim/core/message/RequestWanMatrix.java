package io.dccsim.core.message;

import io.dccsim.core.value.Uprn;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of SR 12.1 Request WAN Matrix ({@code RequestWANMatrix}): the premises asked about,
 * given either by UPRN or by partial address, never both.
 *
 * @param uprn the premises' UPRN, or empty when a partial address is given
 * @param partialAddress the partial address, or empty when a UPRN is given
 */
public record RequestWanMatrix(Optional<Uprn> uprn, Optional<PartialAddress> partialAddress)
    implements RequestBody {

  /** Checks that exactly one of the two is present. */
  public RequestWanMatrix {
    Objects.requireNonNull(uprn, "uprn");
    Objects.requireNonNull(partialAddress, "partialAddress");
    if (uprn.isPresent() == partialAddress.isPresent()) {
      throw new IllegalArgumentException(
          "A WAN matrix request gives exactly one of UPRN and PartialAddress");
    }
  }

  /** A request by UPRN. */
  public static RequestWanMatrix byUprn(Uprn uprn) {
    return new RequestWanMatrix(Optional.of(uprn), Optional.empty());
  }

  /** A request by partial address. */
  public static RequestWanMatrix byAddress(PartialAddress address) {
    return new RequestWanMatrix(Optional.empty(), Optional.of(address));
  }
}
