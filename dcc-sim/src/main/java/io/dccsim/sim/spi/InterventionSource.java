package io.dccsim.sim.spi;

import java.util.List;

/**
 * Decides, for an authenticated request, which interventions the server applies. Consulted once per
 * request on a worker thread, after authentication and before routing; must be fast and must not
 * block. Delays come first in the list; at most one non-delay intervention is applied (the first).
 */
@FunctionalInterface
public interface InterventionSource {
  /** No interventions, ever. */
  InterventionSource NONE = facts -> List.of();

  /** The interventions for this request; empty to answer normally. */
  List<Intervention> interventionsFor(RequestFacts facts);
}
