package io.dccsim.core.message;

import io.dccsim.core.value.ServiceReferenceVariant;
import java.util.Optional;

/**
 * What a Service Response's {@code Body} holds: a typed SR 12.1 answer, raw XML for other answers,
 * an alert ({@link AlertBody}), or nothing (a response read without a Body, which the DUIS schemas
 * do not allow; error responses name their SR in an empty {@link RawResponseBody}).
 */
public sealed interface ResponseBody permits WanMatrixResponse, RawResponseBody, AlertBody, NoBody {
  /** The Service Reference Variant the {@code ResponseMessage} names; empty for no body. */
  Optional<ServiceReferenceVariant> serviceReferenceVariant();
}
