package io.dccsim.smki.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Decides which extract regime is in force at an instant: either by the date (the regime switches
 * when the clock crosses go-live of the June 2021 release) or pinned to one regime.
 */
@FunctionalInterface
public interface ExtractRegimePolicy {

  /** Go-live of the June 2021 SEC release, which brought MP147 in. */
  LocalDate JUNE_2021_GO_LIVE = LocalDate.of(2021, 6, 24);

  /** The regime in force at {@code instant}. */
  ExtractRegime regimeAt(Instant instant);

  /**
   * Daily full extracts before the start of go-live day (midnight in {@code zone}), weekly full
   * extracts with daily deltas from then on.
   */
  static ExtractRegimePolicy byGoLive(ZoneId zone) {
    Instant goLive =
        JUNE_2021_GO_LIVE.atStartOfDay(Objects.requireNonNull(zone, "zone")).toInstant();
    return instant ->
        instant.isBefore(goLive) ? ExtractRegime.DAILY_FULL : ExtractRegime.WEEKLY_FULL_DAILY_DELTA;
  }

  /** Always the same regime, whatever the date. */
  static ExtractRegimePolicy pinned(ExtractRegime regime) {
    Objects.requireNonNull(regime, "regime");
    return instant -> regime;
  }
}
