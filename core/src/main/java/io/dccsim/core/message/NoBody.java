package io.dccsim.core.message;

import io.dccsim.core.value.ServiceReferenceVariant;
import java.util.Optional;

/**
 * The absent body of a response that carries only its header. The DUIS schemas require a Body, so
 * this reads what other implementations may send; an error answer written to the schema uses {@link
 * RawResponseBody#empty}.
 */
public enum NoBody implements ResponseBody {
  INSTANCE;

  @Override
  public Optional<ServiceReferenceVariant> serviceReferenceVariant() {
    return Optional.empty();
  }
}
