package io.dccsim.core.message;

import io.dccsim.core.value.ServiceReferenceVariant;
import java.util.Optional;

/** The absent body of a response that carries only its header, such as an error response. */
public enum NoBody implements ResponseBody {
  INSTANCE;

  @Override
  public Optional<ServiceReferenceVariant> serviceReferenceVariant() {
    return Optional.empty();
  }
}
