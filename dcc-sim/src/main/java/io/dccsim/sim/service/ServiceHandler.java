package io.dccsim.sim.service;

import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.pipeline.ParsedRequest;

/**
 * Answers one Service Request variant. Called on a worker thread, concurrently; must not block.
 * Throws {@link io.dccsim.sim.pipeline.MalformedRequestException} when the body does not fit the
 * SR.
 */
public interface ServiceHandler {
  /** The SR variant handled, e.g. 12.1. */
  ServiceReferenceVariant variant();

  /** Answers an authenticated, authorised request. */
  ServiceAnswer handle(ParsedRequest request, ServiceContext context);
}
