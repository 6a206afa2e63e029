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

  /**
   * The interventions for this request and what chose them (e.g. {@code scenario 3 (SR 12.1
   * requests for postcode M22 0RR)}), named in the exchange's reason; by default unnamed.
   */
  default Shaped shape(RequestFacts facts) {
    return new Shaped(interventionsFor(facts), java.util.Optional.empty());
  }

  /**
   * Interventions and what chose them.
   *
   * @param interventions the interventions, empty to answer normally
   * @param by what chose them, when it has a name
   */
  record Shaped(List<Intervention> interventions, java.util.Optional<String> by) {
    /** Validates and copies. */
    public Shaped {
      interventions = List.copyOf(interventions);
      java.util.Objects.requireNonNull(by, "by");
    }
  }
}
