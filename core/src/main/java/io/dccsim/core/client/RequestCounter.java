package io.dccsim.core.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The counter part of DUIS Request IDs: strictly increasing for one originator, thread-safe.
 *
 * <p>Each value is the clock's time in microseconds since the epoch, or one more than the last
 * value when the clock has not moved on (or went back). So a client restarted later carries on
 * above the values it used before, with nothing stored, as public DUIS tools do; and two requests
 * in the same microsecond, or under a clock that stands still, still get different counters.
 */
public final class RequestCounter {
  private final Clock clock;
  private final AtomicLong last;

  /** Held by in-order clients from taking a counter until their answer is back. */
  final ReentrantLock sendOrder = new ReentrantLock(true);

  private RequestCounter(Clock clock, long last) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.last = new AtomicLong(last);
  }

  /** A counter following {@code clock}, in microseconds. */
  public static RequestCounter fromClock(Clock clock) {
    return new RequestCounter(clock, 0);
  }

  /**
   * A counter following {@code clock} that never returns {@code last} or anything below it (for a
   * counter persisted by the caller, or a clock known to lag).
   */
  public static RequestCounter startingAfter(Clock clock, long last) {
    if (last < 0) {
      throw new IllegalArgumentException("the last counter is not negative: " + last);
    }
    return new RequestCounter(clock, last);
  }

  /** The next counter: above every value returned before. */
  public long next() {
    long now = micros(clock.instant());
    while (true) {
      long previous = last.get();
      long candidate = Math.max(now, previous + 1);
      if (candidate < 0) {
        throw new IllegalStateException("the request counter is exhausted");
      }
      if (last.compareAndSet(previous, candidate)) {
        return candidate;
      }
    }
  }

  /** The last value returned (or the starting point when none was). */
  public long last() {
    return last.get();
  }

  private static long micros(Instant t) {
    return Math.max(
        0, Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000));
  }
}
