package io.dccsim.sim.scenario;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scenario registered with {@link Scenarios}: its definition and how often it has applied.
 * Counting is thread-safe: a scenario limited to {@code n} requests applies to exactly {@code n}
 * however many arrive at once.
 */
public final class Scenario {
  private final long id;
  private final ScenarioDefinition definition;
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong remaining;

  Scenario(long id, ScenarioDefinition definition) {
    this.id = id;
    this.definition = definition;
    this.remaining =
        definition.limit().isPresent() ? new AtomicLong(definition.limit().getAsInt()) : null;
  }

  /** Its identifier, unique within its {@link Scenarios}. */
  public long id() {
    return id;
  }

  /** What it does. */
  public ScenarioDefinition definition() {
    return definition;
  }

  /** How many requests it has applied to. */
  public long timesApplied() {
    return applied.get();
  }

  /** How many more requests it will apply to; empty when it always applies. */
  public OptionalLong remaining() {
    return remaining == null ? OptionalLong.empty() : OptionalLong.of(remaining.get());
  }

  /** True once a limited scenario has applied as often as it may. */
  public boolean isExhausted() {
    return remaining != null && remaining.get() <= 0;
  }

  /** Takes one use, when one is left. */
  boolean tryConsume() {
    if (remaining != null) {
      long left;
      do {
        left = remaining.get();
        if (left <= 0) {
          return false;
        }
      } while (!remaining.compareAndSet(left, left - 1));
    }
    applied.incrementAndGet();
    return true;
  }

  @Override
  public String toString() {
    return "scenario " + id + " (" + definition.describe() + ", applied " + applied.get() + ")";
  }
}
