package io.dccsim.smki.extract;

import java.time.Instant;
import java.util.Objects;

/**
 * One extract the schedule plans.
 *
 * @param kind full or delta
 * @param at the instant it is due
 */
public record PlannedRun(ExtractKind kind, Instant at) implements Comparable<PlannedRun> {

  /** Validates. */
  public PlannedRun {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
  }

  @Override
  public int compareTo(PlannedRun o) {
    int c = at.compareTo(o.at);
    return c != 0 ? c : kind.compareTo(o.kind);
  }
}
