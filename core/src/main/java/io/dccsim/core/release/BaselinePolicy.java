package io.dccsim.core.release;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides which {@link Baseline} applies: either always the same one ({@link #pinned(Baseline)}),
 * or the one in force on the date given ({@link #byDate()}), switching at the June 2021 release's
 * go-live. This is the single place behaviour switches ask.
 */
public sealed interface BaselinePolicy {

  /** A policy that always answers {@code baseline}, whatever the date. */
  static BaselinePolicy pinned(Baseline baseline) {
    return new Pinned(baseline);
  }

  /** A policy that answers the baseline in force at the instant asked about. */
  static BaselinePolicy byDate() {
    return ByDate.INSTANCE;
  }

  /**
   * Reads a policy from configuration text: {@code by-date} (also {@code bydate}, {@code date}), or
   * a baseline name ({@code JUNE_2021}, {@code PRE_JUNE_2021}), ignoring case and treating {@code
   * -} as {@code _}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  static BaselinePolicy parse(String text) {
    String s =
        Objects.requireNonNull(text, "text").strip().toUpperCase(Locale.ROOT).replace('-', '_');
    if (s.equals("BY_DATE") || s.equals("BYDATE") || s.equals("DATE")) {
      return byDate();
    }
    for (Baseline b : Baseline.values()) {
      if (b.name().equals(s)) {
        return pinned(b);
      }
    }
    throw new IllegalArgumentException(
        "Not a baseline policy: '" + text + "' (expected by-date, JUNE_2021 or PRE_JUNE_2021)");
  }

  /** The baseline that applies at {@code when}. */
  Baseline at(Instant when);

  /** The baseline that applies now on {@code clock}. */
  default Baseline current(Clock clock) {
    return at(clock.instant());
  }

  /** Whether {@code modification}'s rule applies at {@code when}. */
  default boolean isInForce(Modification modification, Instant when) {
    return at(when).isInForce(modification);
  }

  /** Whether {@code modification}'s rule applies now on {@code clock}. */
  default boolean isInForce(Modification modification, Clock clock) {
    return current(clock).isInForce(modification);
  }

  /**
   * Always the same baseline.
   *
   * @param baseline the baseline answered
   */
  record Pinned(Baseline baseline) implements BaselinePolicy {
    /** Checks the baseline is present. */
    public Pinned {
      Objects.requireNonNull(baseline, "baseline");
    }

    @Override
    public Baseline at(Instant when) {
      return baseline;
    }

    @Override
    public String toString() {
      return baseline.name();
    }
  }

  /** The baseline in force on the date: {@code JUNE_2021} from its go-live on. */
  enum ByDate implements BaselinePolicy {
    /** The one policy of this kind. */
    INSTANCE;

    @Override
    public Baseline at(Instant when) {
      Objects.requireNonNull(when, "when");
      return SecRelease.JUNE_2021.isLiveAt(when) ? Baseline.JUNE_2021 : Baseline.PRE_JUNE_2021;
    }

    @Override
    public String toString() {
      return "by-date";
    }
  }
}
