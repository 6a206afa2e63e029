package io.dccsim.smki.extract;

import io.dccsim.core.release.BaselinePolicy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The plan of SMKI extract publication: pure, with no clock of its own.
 *
 * <p>Under {@link ExtractRegime#DAILY_FULL} a full extract runs every day at the daily time. Under
 * {@link ExtractRegime#WEEKLY_FULL_DAILY_DELTA} full extracts run per the {@link FullExtractTiming}
 * and a delta runs at the daily time on every day without a full extract. The regime of a day is
 * the policy's answer at that day's daily time.
 *
 * <p>All times are local wall-clock times in the zone. A time that falls into a daylight-saving gap
 * runs at the same wall-clock offset after the gap (01:30 on the spring-forward day in London runs
 * at 02:30 BST); a time that occurs twice when clocks go back runs once, at its first occurrence.
 *
 * @param fullTiming when the weekly full extract runs
 * @param dailyTime when the daily extract (full before the release, delta after) runs
 * @param zone the zone of the wall clock the times are read in
 * @param regimePolicy which regime is in force when
 */
public record ExtractSchedule(
    FullExtractTiming fullTiming,
    LocalTime dailyTime,
    ZoneId zone,
    ExtractRegimePolicy regimePolicy) {

  /** The zone used unless another is given. */
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** Validates. */
  public ExtractSchedule {
    Objects.requireNonNull(fullTiming, "fullTiming");
    Objects.requireNonNull(dailyTime, "dailyTime");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(regimePolicy, "regimePolicy");
  }

  /**
   * The default schedule: full extract on Sunday at 01:00, daily extract at 01:00, Europe/London,
   * regime by the SEC baseline in force at the date.
   */
  public static ExtractSchedule defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The regime in force at {@code instant}. */
  public ExtractRegime regimeAt(Instant instant) {
    return regimePolicy.regimeAt(instant);
  }

  /**
   * The runs planned strictly after {@code from} and at or before {@code to}, ordered by instant.
   * Consecutive ranges therefore never plan a run twice nor miss one.
   */
  public List<PlannedRun> runsBetween(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      return List.of();
    }
    // A day before and after cover runs whose local date differs from their UTC date.
    LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
    LocalDate last = LocalDate.ofInstant(to, zone).plusDays(1);
    TreeSet<PlannedRun> runs = new TreeSet<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      for (PlannedRun run : runsOn(d)) {
        if (run.at().isAfter(from) && !run.at().isAfter(to)) {
          runs.add(run);
        }
      }
    }
    return List.copyOf(runs);
  }

  /** The first run planned strictly after {@code instant} (searched up to a year ahead). */
  public Optional<PlannedRun> nextAfter(Instant instant) {
    Instant to = instant;
    for (int week = 0; week < 53; week++) {
      Instant from = to;
      to = from.plusSeconds(7L * 24 * 3600);
      List<PlannedRun> runs = runsBetween(from, to);
      if (!runs.isEmpty()) {
        return Optional.of(runs.get(0));
      }
    }
    return Optional.empty();
  }

  /** The runs whose local date is {@code date}. */
  List<PlannedRun> runsOn(LocalDate date) {
    Instant daily = resolve(date.atTime(dailyTime));
    if (regimeAt(daily) == ExtractRegime.DAILY_FULL) {
      return List.of(new PlannedRun(ExtractKind.FULL, daily));
    }
    List<LocalDateTime> fulls = fullTiming.timesOn(date);
    if (fulls.isEmpty()) {
      return List.of(new PlannedRun(ExtractKind.DELTA, daily));
    }
    List<PlannedRun> out = new ArrayList<>(fulls.size());
    for (LocalDateTime t : fulls) {
      out.add(new PlannedRun(ExtractKind.FULL, resolve(t)));
    }
    return out;
  }

  private Instant resolve(LocalDateTime local) {
    // ZonedDateTime.of moves a time in a gap forward by the gap's length and picks the earlier
    // offset in an overlap: exactly the rule documented above.
    return ZonedDateTime.of(local, zone).toInstant();
  }

  /** Builds a schedule. */
  public static final class Builder {
    private FullExtractTiming fullTiming =
        FullExtractTiming.weekly(DayOfWeek.SUNDAY, LocalTime.of(1, 0));
    private LocalTime dailyTime = LocalTime.of(1, 0);
    private ZoneId zone = LONDON;
    private ExtractRegimePolicy regimePolicy;

    private Builder() {}

    /** Weekly full extract on this day at this time. */
    public Builder weeklyFull(DayOfWeek day, LocalTime time) {
      this.fullTiming = FullExtractTiming.weekly(day, time);
      return this;
    }

    /** Full extracts per a Unix cron expression. */
    public Builder fullCron(String expression) {
      this.fullTiming = FullExtractTiming.cron(expression);
      return this;
    }

    /** The time of the daily extract. */
    public Builder dailyAt(LocalTime time) {
      this.dailyTime = Objects.requireNonNull(time, "time");
      return this;
    }

    /** The zone of the wall clock (default Europe/London). */
    public Builder zone(ZoneId z) {
      this.zone = Objects.requireNonNull(z, "zone");
      return this;
    }

    /** The regime policy (default: the SEC baseline by date, switching at go-live). */
    public Builder regimePolicy(ExtractRegimePolicy policy) {
      this.regimePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Pins the regime whatever the date. */
    public Builder pinned(ExtractRegime regime) {
      return regimePolicy(ExtractRegimePolicy.pinned(regime));
    }

    /** The schedule. */
    public ExtractSchedule build() {
      ExtractRegimePolicy p =
          regimePolicy != null
              ? regimePolicy
              : ExtractRegimePolicy.fromBaseline(BaselinePolicy.byDate());
      return new ExtractSchedule(fullTiming, dailyTime, zone, p);
    }
  }
}
