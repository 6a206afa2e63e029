package io.dccsim.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A scenario as a value: which requests, what happens to them, and how many times.
 *
 * @param selector which requests it applies to
 * @param effects delays first, then at most one other effect (a fault or a shaped answer); a
 *     scenario of delays only delays the normal answer
 * @param limit how many requests it applies to; empty for always
 */
public record ScenarioDefinition(
    RequestSelector selector, List<Effect> effects, OptionalInt limit) {

  /** Validates and orders the effects (delays first). */
  public ScenarioDefinition {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(effects, "effects");
    Objects.requireNonNull(limit, "limit");
    if (effects.isEmpty()) {
      throw new IllegalArgumentException("A scenario needs at least one effect");
    }
    List<Effect> ordered = new ArrayList<>(effects.size());
    Effect outcome = null;
    for (Effect e : effects) {
      Objects.requireNonNull(e, "effect");
      if (e.isDelay()) {
        ordered.add(e);
      } else if (outcome == null) {
        outcome = e;
      } else {
        throw new IllegalArgumentException(
            "A scenario has at most one effect besides delays, not both " + outcome + " and " + e);
      }
    }
    if (outcome != null) {
      ordered.add(outcome);
    }
    effects = List.copyOf(ordered);
    if (limit.isPresent() && limit.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "A scenario applies at least once, not " + limit.getAsInt() + " times");
    }
  }

  /** E.g. {@code SR 12.1 requests for postcode M22 0RR: ResponseCode[code=E120101], 2 time(s)}. */
  public String describe() {
    return selector.describe()
        + ": "
        + effects
        + (limit.isPresent() ? ", " + limit.getAsInt() + " time(s)" : ", always");
  }
}
