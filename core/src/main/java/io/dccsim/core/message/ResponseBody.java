package io.dccsim.core.message;

import io.dccsim.core.value.ServiceReferenceVariant;
import java.util.Optional;

/**
 * What a Service Response's {@code Body} holds: a typed SR 12.1 answer, raw XML for other answers,
 * or nothing (error responses carry no body).
 */
public sealed interface ResponseBody permits WanMatrixResponse, RawResponseBody, NoBody {
  /** The Service Reference Variant the {@code ResponseMessage} names; empty for no body. */
  Optional<ServiceReferenceVariant> serviceReferenceVariant();
}
