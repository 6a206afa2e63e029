package io.dccsim.smki.extract;

import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.release.Modification;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Decides which extract regime is in force at an instant. The usual policy follows the SEC
 * baseline: the weekly full with daily deltas wherever MP147 is in force.
 */
@FunctionalInterface
public interface ExtractRegimePolicy {

  /** The regime in force at {@code instant}. */
  ExtractRegime regimeAt(Instant instant);

  /**
   * The regime the baseline dictates: {@link ExtractRegime#WEEKLY_FULL_DAILY_DELTA} where MP147 is
   * in force, {@link ExtractRegime#DAILY_FULL} before. With {@link BaselinePolicy#byDate()} the
   * regime switches by itself when the clock crosses go-live of the June 2021 release; with a
   * pinned baseline it never switches.
   */
  static ExtractRegimePolicy fromBaseline(BaselinePolicy baselines) {
    Objects.requireNonNull(baselines, "baselines");
    return fromBaseline(() -> baselines);
  }

  /**
   * As {@link #fromBaseline(BaselinePolicy)}, asking {@code baselines} for the policy at every
   * decision, so a policy that is replaced while running (pinned, unpinned) is followed.
   */
  static ExtractRegimePolicy fromBaseline(Supplier<BaselinePolicy> baselines) {
    Objects.requireNonNull(baselines, "baselines");
    return instant ->
        baselines.get().isInForce(Modification.MP147, instant)
            ? ExtractRegime.WEEKLY_FULL_DAILY_DELTA
            : ExtractRegime.DAILY_FULL;
  }

  /** Always the same regime, whatever the date. */
  static ExtractRegimePolicy pinned(ExtractRegime regime) {
    Objects.requireNonNull(regime, "regime");
    return instant -> regime;
  }
}
