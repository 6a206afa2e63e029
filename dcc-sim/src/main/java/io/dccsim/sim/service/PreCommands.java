package io.dccsim.sim.service;

import io.dccsim.core.value.RequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pre-commands the DCC gave Users (command variant 4), by RequestID, until the User sends them
 * back signed (command variants 5 to 7). Bounded: beyond {@link #capacity()} the oldest is
 * forgotten; and each is forgotten {@link #lifetime()} (simulated time) after it was given. A
 * pre-command is used once. Thread-safe.
 */
public final class PreCommands {
  /** How many pre-commands are held at most, by default. */
  public static final int DEFAULT_CAPACITY = 100_000;

  /** How long a pre-command is held, by default (simulated time). */
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(1);

  private record Held(byte[] command, Instant given) {}

  private final int capacity;
  private final Duration lifetime;
  // insertion order: the oldest first; guarded by itself
  private final LinkedHashMap<RequestId, Held> held = new LinkedHashMap<>();

  /** With the default bound and lifetime. */
  public PreCommands() {
    this(DEFAULT_CAPACITY, DEFAULT_LIFETIME);
  }

  /**
   * @param capacity how many are held at most (positive)
   * @param lifetime how long each is held (positive)
   */
  public PreCommands(int capacity, Duration lifetime) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
    }
    this.capacity = capacity;
    this.lifetime = lifetime;
  }

  /** How many pre-commands are held at most. */
  public int capacity() {
    return capacity;
  }

  /** How long each pre-command is held. */
  public Duration lifetime() {
    return lifetime;
  }

  /** Holds {@code command}, given at {@code now} for {@code id} (replacing any held for it). */
  public void remember(RequestId id, byte[] command, Instant now) {
    Objects.requireNonNull(id, "id");
    Held h = new Held(command.clone(), Objects.requireNonNull(now, "now"));
    synchronized (held) {
      forgetExpired(now);
      held.remove(id);
      held.put(id, h);
      while (held.size() > capacity) {
        Iterator<RequestId> oldest = held.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
    }
  }

  /** The pre-command given for {@code id}, if it is held and not expired at {@code now}. */
  public Optional<byte[]> find(RequestId id, Instant now) {
    synchronized (held) {
      forgetExpired(now);
      return Optional.ofNullable(held.get(id)).map(h -> h.command().clone());
    }
  }

  /**
   * Uses the pre-command for {@code id}: forgets it, so a second use finds none.
   *
   * @return false when it was no longer held (used meanwhile, forgotten or expired)
   */
  public boolean use(RequestId id, Instant now) {
    synchronized (held) {
      forgetExpired(now);
      return held.remove(id) != null;
    }
  }

  /** How many are held now. */
  public int size() {
    synchronized (held) {
      return held.size();
    }
  }

  /** Forgets every pre-command. */
  public void clear() {
    synchronized (held) {
      held.clear();
    }
  }

  private void forgetExpired(Instant now) {
    Instant oldestKept = now.minus(lifetime);
    for (Iterator<Map.Entry<RequestId, Held>> i = held.entrySet().iterator(); i.hasNext(); ) {
      Held h = i.next().getValue();
      if (h.given().isAfter(oldestKept)) {
        // insertion order is given order while the clock moves forward; a clock set back only
        // keeps some a little longer
        break;
      }
      i.remove();
    }
  }
}
