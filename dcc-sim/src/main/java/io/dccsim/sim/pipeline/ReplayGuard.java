package io.dccsim.sim.pipeline;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last accepted RequestID counter per originator: a request whose counter is not greater is a
 * replay (E1). Only authenticated originators are remembered, so the map is bounded by the users
 * holding certificates.
 */
public final class ReplayGuard {
  private final Map<Eui64, RequestId> last = new ConcurrentHashMap<>();

  /** Accepts the counter if it is greater than the last accepted one; false if it is not. */
  public boolean accept(RequestId id) {
    boolean[] accepted = {false};
    last.compute(
        id.originator(),
        (originator, previous) -> {
          if (previous == null || id.compareCounterTo(previous) > 0) {
            accepted[0] = true;
            return id;
          }
          return previous;
        });
    return accepted[0];
  }

  /** Forgets every counter. */
  public void reset() {
    last.clear();
  }
}
