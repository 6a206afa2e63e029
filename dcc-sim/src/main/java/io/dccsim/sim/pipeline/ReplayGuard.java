package io.dccsim.sim.pipeline;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last accepted RequestID counter per originator: a request whose counter is not greater is a
 * replay (E1). Only authenticated originators are remembered, so the map is bounded by the users
 * holding certificates. The counters accepted since the last {@link #drainChanged()} are kept
 * apart, for a store that persists them.
 */
public final class ReplayGuard {
  private final Map<Eui64, Long> last = new ConcurrentHashMap<>();
  private final Map<Eui64, Long> changed = new ConcurrentHashMap<>();

  /** Accepts the counter if it is greater than the last accepted one; false if it is not. */
  public boolean accept(RequestId id) {
    boolean[] accepted = {false};
    last.compute(
        id.originator(),
        (originator, previous) -> {
          if (previous == null || Long.compareUnsigned(id.counter(), previous) > 0) {
            accepted[0] = true;
            return id.counter();
          }
          return previous;
        });
    if (accepted[0]) {
      changed.merge(id.originator(), id.counter(), ReplayGuard::greater);
    }
    return accepted[0];
  }

  /**
   * Takes counters remembered elsewhere (a store, after a restart) as accepted, where they are
   * greater than what is held.
   */
  public void restore(Map<Eui64, Long> counters) {
    counters.forEach(
        (originator, counter) -> last.merge(originator, counter, ReplayGuard::greater));
  }

  /**
   * The counters accepted since the previous call, which are then no longer counted as changed.
   * Give them back with {@link #markChanged(Map)} if they could not be stored.
   */
  public Map<Eui64, Long> drainChanged() {
    Map<Eui64, Long> out = new HashMap<>();
    for (Map.Entry<Eui64, Long> e : changed.entrySet()) {
      // Removed only if no later counter arrived meanwhile; a later one stays for the next drain.
      if (changed.remove(e.getKey(), e.getValue())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** Counts {@code counters} as changed again (their store write failed). */
  public void markChanged(Map<Eui64, Long> counters) {
    counters.forEach((o, c) -> changed.merge(o, c, ReplayGuard::greater));
  }

  /** Forgets every counter. */
  public void reset() {
    last.clear();
    changed.clear();
  }

  private static Long greater(Long a, Long b) {
    return Long.compareUnsigned(a, b) >= 0 ? a : b;
  }
}
