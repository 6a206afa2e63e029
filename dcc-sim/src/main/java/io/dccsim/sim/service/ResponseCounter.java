package io.dccsim.sim.service;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counter of the ResponseIDs ({@code originator:User:counter}) one simulator writes, shared by
 * everything that answers later (device responses, DCC schedule runs, alerts) so that no two of its
 * messages to a User carry the same ResponseID. It starts from the clock (microseconds since the
 * epoch), so counters keep increasing across restarts, and counts up by one. Thread-safe.
 */
public final class ResponseCounter {
  private final AtomicLong last;

  /** Starting from {@code clock}'s time now. */
  public ResponseCounter(Clock clock) {
    this.last = new AtomicLong(clock.millis() * 1000);
  }

  /** The next counter. */
  public long next() {
    return last.incrementAndGet();
  }
}
