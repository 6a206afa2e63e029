package io.dccsim.core.message;

import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ServiceReference;
import io.dccsim.core.value.ServiceReferenceVariant;
import java.util.Objects;
import java.util.Optional;

/**
 * The header of a DUIS Service Request. The Service Reference is not held separately: it is the one
 * the Service Reference Variant belongs to, so the two can never disagree.
 *
 * @param requestId the Request ID, {@code originator:target:counter}
 * @param firstInSequence present for requests that open a sequence
 * @param precedingRequestId the request this one follows in a sequence, if any
 * @param commandVariant how the DCC is to handle the request
 * @param serviceReferenceVariant the Service Reference Variant, e.g. {@code 12.1}
 */
public record RequestHeader(
    RequestId requestId,
    Optional<Boolean> firstInSequence,
    Optional<RequestId> precedingRequestId,
    CommandVariant commandVariant,
    ServiceReferenceVariant serviceReferenceVariant) {

  /** Checks every part is present. */
  public RequestHeader {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(firstInSequence, "firstInSequence");
    Objects.requireNonNull(precedingRequestId, "precedingRequestId");
    Objects.requireNonNull(commandVariant, "commandVariant");
    Objects.requireNonNull(serviceReferenceVariant, "serviceReferenceVariant");
  }

  /** A header outside any sequence. */
  public RequestHeader(
      RequestId requestId,
      CommandVariant commandVariant,
      ServiceReferenceVariant serviceReferenceVariant) {
    this(requestId, Optional.empty(), Optional.empty(), commandVariant, serviceReferenceVariant);
  }

  /** The Service Reference, e.g. {@code 12.1}. */
  public ServiceReference serviceReference() {
    return serviceReferenceVariant.reference();
  }
}
