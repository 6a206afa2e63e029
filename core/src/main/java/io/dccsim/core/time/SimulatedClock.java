package io.dccsim.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock whose time the simulation controls: frozen at an instant, a fixed offset from a source
 * clock, or advancing from a start instant at a rate (1x, 60x, ...) of the source clock.
 *
 * <p>All three are one model: simulated time = anchor + rate x (source time elapsed since the
 * anchor was set). {@link #set(Instant)} and {@link #advance(Duration)} move the anchor; {@link
 * #setRate(double)} changes the rate from now on without a jump. Every operation is thread-safe and
 * lock-free, and no thread is started: time moves only when the source clock does.
 *
 * <p>{@link #withZone(ZoneId)} returns a view in another zone that shares this clock's state, so
 * setting either moves both.
 */
public final class SimulatedClock extends Clock {

  /** Simulated time is {@code simAnchor + rate * (source - sourceAnchor)}. */
  private record State(Instant sourceAnchor, Instant simAnchor, double rate) {}

  private final Clock source;
  private final AtomicReference<State> state;
  private final ZoneId zone;

  private SimulatedClock(Clock source, AtomicReference<State> state, ZoneId zone) {
    this.source = source;
    this.state = state;
    this.zone = zone;
  }

  /** A clock frozen at {@code instant} in UTC until set, advanced or given a rate. */
  public static SimulatedClock fixed(Instant instant) {
    return fixed(instant, ZoneOffset.UTC);
  }

  /** A clock frozen at {@code instant} in {@code zone} until set, advanced or given a rate. */
  public static SimulatedClock fixed(Instant instant, ZoneId zone) {
    return at(Clock.systemUTC(), instant, 0.0, zone);
  }

  /**
   * A clock that runs with {@code source}, {@code offset} ahead of it (behind when negative), in
   * {@code source}'s zone.
   */
  public static SimulatedClock offset(Clock source, Duration offset) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(offset, "offset");
    Instant now = source.instant();
    return new SimulatedClock(
        source, new AtomicReference<>(new State(now, now.plus(offset), 1.0)), source.getZone());
  }

  /**
   * A clock that starts at {@code start} and advances {@code rate} times as fast as {@code source}
   * (1.0 real time, 60.0 a minute per second, 0.0 frozen), in {@code source}'s zone.
   *
   * @throws IllegalArgumentException when the rate is negative, infinite or not a number
   */
  public static SimulatedClock advancing(Clock source, Instant start, double rate) {
    Objects.requireNonNull(source, "source");
    return at(source, start, rate, source.getZone());
  }

  private static SimulatedClock at(Clock source, Instant start, double rate, ZoneId zone) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(zone, "zone");
    checkRate(rate);
    return new SimulatedClock(
        source, new AtomicReference<>(new State(source.instant(), start, rate)), zone);
  }

  private static void checkRate(double rate) {
    if (!(rate >= 0.0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("A clock rate is finite and not negative, not " + rate);
    }
  }

  @Override
  public Instant instant() {
    return simulatedAt(state.get(), source.instant());
  }

  private static Instant simulatedAt(State s, Instant sourceNow) {
    if (s.rate == 0.0) {
      return s.simAnchor;
    }
    Duration elapsed = Duration.between(s.sourceAnchor, sourceNow);
    if (s.rate == 1.0) {
      return s.simAnchor.plus(elapsed);
    }
    double nanos = elapsed.toNanos() * s.rate;
    long whole = (long) nanos; // saturates rather than wrapping for absurd spans
    return s.simAnchor.plusNanos(whole);
  }

  /** Moves simulated time to {@code instant}; it keeps running at the current rate from there. */
  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    state.updateAndGet(s -> new State(source.instant(), instant, s.rate));
  }

  /** Moves simulated time by {@code amount} (backwards when negative). */
  public void advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    state.updateAndGet(
        s -> {
          Instant now = source.instant();
          return new State(now, simulatedAt(s, now).plus(amount), s.rate);
        });
  }

  /**
   * Changes how fast simulated time runs from now on, without a jump: 0.0 freezes it, 1.0 runs it
   * with the source clock, 60.0 runs a minute per source second.
   *
   * @throws IllegalArgumentException when the rate is negative, infinite or not a number
   */
  public void setRate(double rate) {
    checkRate(rate);
    state.updateAndGet(
        s -> {
          Instant now = source.instant();
          return new State(now, simulatedAt(s, now), rate);
        });
  }

  /** Stops simulated time where it is; the same as {@code setRate(0.0)}. */
  public void freeze() {
    setRate(0.0);
  }

  /** How many simulated seconds pass per source second. */
  public double rate() {
    return state.get().rate;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in {@code zone}; it shares this clock's time, rate and source. */
  @Override
  public SimulatedClock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return zone.equals(this.zone) ? this : new SimulatedClock(source, state, zone);
  }

  @Override
  public String toString() {
    State s = state.get();
    return "SimulatedClock[" + instant() + ", rate " + s.rate + ", " + zone + "]";
  }
}
